/// The kinds of bed the plans count.
///
/// 护理型床位 (nursing-type, for people who need care: seed 000 L40, 001 L26, 002 L10, 003 L14), 失智照护床位
/// (dementia care, seed 002 L10 "新增失智照护床位不少于600张"), and the others.
public enum BedType: String, Sendable, Hashable, Codable, CaseIterable {
    case nursing
    case dementia
    case general

    public var chineseName: String {
        switch self {
        case .nursing: "护理型"
        case .dementia: "失智照护"
        case .general: "普通"
        }
    }
}
