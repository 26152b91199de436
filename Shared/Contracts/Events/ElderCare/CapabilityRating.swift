/// The capability level (老年人能力等级, GB/T 42195-2022) as ElderCare's events carry it.
public enum CapabilityRating: String, Codable, Sendable, CaseIterable {
    /// 能力完好.
    case intact
    /// 轻度失能.
    case mild
    /// 中度失能.
    case moderate
    /// 重度失能.
    case severe
    /// 完全失能.
    case complete
}
