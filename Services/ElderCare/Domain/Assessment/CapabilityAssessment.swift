import Contracts

/// One capability assessment (老年人能力评估) under GB/T 42195-2022: the item scores, whether the
/// person was in a coma, and the level they give.
///
/// Rules:
/// - the level is cut from the total (``CapabilityLevel/init(total:)``);
/// - a person in a coma is rated at least 重度失能: Table B.3.9 (意识水平) notes "处于昏迷状态者，
///   直接评定为重度失能" (as transcribed; the note dates from the 2013 scale, where 重度失能 was the
///   last level, so a total in 完全失能 stays 完全失能 here — see docs/rules.md);
/// - coma is recorded apart from the 意识水平 score because that item's 0 covers both 昏睡 and
///   昏迷; a coma with a consciousness score above 0 is contradictory (`capability.coma-inconsistent`).
///
/// The assessment is the reference for services and allowances (seed 003 L14: "根据全国统一的
/// 老年人能力评估标准，开展老年人能力综合评估，将评估结果作为老年人接受基本养老服务、领取老年人补贴的参考依据").
public struct CapabilityAssessment: Sendable, Hashable, Codable {
    public let assessedOn: CivilDate
    public let scores: CapabilityScores
    public let comatose: Bool
    public let level: CapabilityLevel

    public init(assessedOn: CivilDate, scores: CapabilityScores, comatose: Bool = false) throws(RuleViolation) {
        if comatose, scores.score(.consciousness) != 0 {
            throw RuleViolation.invalid("capability.coma-inconsistent",
                                        "a person in a coma scores 0 on B.3.9 意识水平, not \(scores.score(.consciousness))")
        }
        self.assessedOn = assessedOn
        self.scores = scores
        self.comatose = comatose
        let byTotal = try CapabilityLevel(total: scores.total)
        self.level = comatose ? max(byTotal, .severe) : byTotal
    }

    /// Scores every item from `items` (see ``CapabilityScores/init(_:)``).
    public init(assessedOn: CivilDate, items: [CapabilityItem: Int], comatose: Bool = false) throws(RuleViolation) {
        try self.init(assessedOn: assessedOn, scores: CapabilityScores(items), comatose: comatose)
    }

    public func score(_ domain: CapabilityDomain) -> Int { scores.score(domain) }

    public var total: Int { scores.total }
}
