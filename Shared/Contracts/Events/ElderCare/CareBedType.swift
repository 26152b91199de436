/// A kind of institution bed as ElderCare's events carry it: 护理型 (nursing-type), 失智照护
/// (dementia care), general.
public enum CareBedType: String, Codable, Sendable, CaseIterable {
    case nursing
    case dementia
    case general
}
