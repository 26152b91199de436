import Contracts

/// Whether a standard or household is urban (城市) or rural (农村).
///
/// Why separate: standards are published separately for each, e.g. Jingtai 2020 urban 低保
/// 577 元/月/人 vs rural 4428 元/年/人 [003 L12 §1.3]; the plan aims at rural ≥ 75 % of urban,
/// not equality [003 L13 §3.1.2].
public enum UrbanRural: String, Sendable, Hashable, Codable, CaseIterable {
    case urban
    case rural
}

extension UrbanRural {
    /// The area as events name it.
    public var contract: UrbanRuralArea { self == .urban ? .urban : .rural }
}
