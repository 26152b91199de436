import Contracts

/// The five capability levels (老年人能力等级) of GB/T 42195-2022, from the total score of 0–90.
///
/// Names: 能力完好, 能力轻度受损（轻度失能）, 能力中度受损（中度失能）, 能力重度受损（重度失能）,
/// 能力完全丧失（完全失能） — confirmed by the standard's announcement (Xinhua, 2023-01-18). The cut-offs
/// 90 / 66–89 / 46–65 / 30–45 / 0–29 are as public implementations of the standard apply them; we could
/// not read them in the standard's own text, so docs/rules.md marks them unconfirmed.
public enum CapabilityLevel: Int, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// 能力完好: total 90.
    case intact = 0
    /// 轻度失能: 66–89.
    case mild = 1
    /// 中度失能: 46–65.
    case moderate = 2
    /// 重度失能: 30–45.
    case severe = 3
    /// 完全失能: 0–29.
    case complete = 4

    /// The lowest total of each level.
    public var lowestTotal: Int {
        switch self {
        case .intact: 90
        case .mild: 66
        case .moderate: 46
        case .severe: 30
        case .complete: 0
        }
    }

    /// The level of a total score. Refuses a total outside 0…90 (`capability.total-out-of-range`).
    public init(total: Int) throws(RuleViolation) {
        guard (0...CapabilityScores.maximumTotal).contains(total) else {
            throw RuleViolation.invalid("capability.total-out-of-range", "a total of \(total) is outside 0...\(CapabilityScores.maximumTotal)")
        }
        self = Self.allCases.first { total >= $0.lowestTotal } ?? .complete
    }

    public var chineseName: String {
        switch self {
        case .intact: "能力完好"
        case .mild: "轻度失能"
        case .moderate: "中度失能"
        case .severe: "重度失能"
        case .complete: "完全失能"
        }
    }

    /// A stable name for API bodies and events.
    public var name: String {
        switch self {
        case .intact: "intact"
        case .mild: "mild"
        case .moderate: "moderate"
        case .severe: "severe"
        case .complete: "complete"
        }
    }

    /// The 特困 care tier (照料护理标准档) Assistance applies for this level: 能力完好 is 全自理,
    /// 轻度 and 中度失能 半自理 (部分丧失生活自理能力), 重度 and 完全失能 全护理. Design choice: the seeds
    /// say the assessment is "老年人…领取老年人补贴的参考依据" (seed 003 L14) but give no mapping.
    public var selfCareTier: SelfCareTier {
        switch self {
        case .intact: .selfCaring
        case .mild, .moderate: .partiallyDependent
        case .severe, .complete: .fullyDependent
        }
    }

    /// 生活不能自理: any tier but 全自理 — the people the 60% centralised-support target counts
    /// (seed 002 L10) and the 特困 people placed first (seed 003 L14 "优先保障生活不能自理特困人员集中供养").
    public var isUnableToCareForSelf: Bool { selfCareTier != .selfCaring }

    public var description: String { name }

    public static func < (lhs: CapabilityLevel, rhs: CapabilityLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
