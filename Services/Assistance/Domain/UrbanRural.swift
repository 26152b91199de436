import Contracts

/// Whether a standard or household is urban (城市) or rural (农村).
///
/// Why separate: standards are published separately for each, e.g. Jingtai 2020 urban 低保
/// 577 元/月/人 vs rural 4428 元/年/人 (《景泰县“十四五”民政事业发展规划》第一章（三）); the plan aims at rural ≥ 75 % of urban,
/// not equality (《景泰县“十四五”民政事业发展规划》第三章（一）2).
public enum UrbanRural: String, Sendable, Hashable, Codable, CaseIterable {
    case urban
    case rural
}

extension UrbanRural {
    /// The area as events name it.
    public var contract: UrbanRuralArea { self == .urban ? .urban : .rural }
}
