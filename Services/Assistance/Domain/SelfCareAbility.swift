import Contracts

/// The self-care tier that selects a 特困 care standard (照料护理标准).
///
/// Why: "根据生活自理能力和服务需求,分档制定照料护理标准" (《景泰县“十四五”民政事业发展规划》第三章（一）2). The tier comes from
/// the capability assessment (ElderCare). Three tiers are the common national practice
/// (全自理 / 半自理 / 全护理); the plan does not name them, so this is a design choice.
public enum SelfCareAbility: String, Sendable, Hashable, Codable, CaseIterable {
    /// 生活能够自理.
    case fullySelfCaring = "fully-self-caring"
    /// 部分丧失生活自理能力.
    case partiallyDependent = "partially-dependent"
    /// 完全丧失生活自理能力.
    case fullyDependent = "fully-dependent"
}

extension SelfCareAbility {
    /// The tier as events name it.
    public var contract: SelfCareTier {
        switch self {
        case .fullySelfCaring: .selfCaring
        case .partiallyDependent: .partiallyDependent
        case .fullyDependent: .fullyDependent
        }
    }
}

extension SelfCareAbility {
    /// The tier of a capability level ElderCare assessed (GB/T 42195-2022): 能力完好 is 全自理, 轻度 and
    /// 中度失能 半自理 (部分丧失生活自理能力), 重度 and 完全失能 全护理 — the same mapping as ElderCare's
    /// `CapabilityLevel.selfCareTier`. Service rule: the seeds tier the care standard by self-care
    /// ability (景泰规划 第三章（一）2) but give no mapping from the assessment's levels.
    public init(assessed rating: CapabilityRating) {
        switch rating {
        case .intact: self = .fullySelfCaring
        case .mild, .moderate: self = .partiallyDependent
        case .severe, .complete: self = .fullyDependent
        }
    }
}
