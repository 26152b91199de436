/// Whether a standard applies to urban (城市) or rural (农村) residents; standards are published
/// separately for each.
public enum UrbanRuralArea: String, Codable, Sendable, CaseIterable {
    case urban
    case rural
}
