import Contracts
import Testing
import TestKit
@testable import ElderCareDomain

@Suite("Capability assessment (GB/T 42195-2022)", .tags(.unit))
struct CapabilityAssessmentTests {
    typealias F = ElderCareDomainFixture

    @Test("26 items in four domains: 8, 4, 9 and 5 items scoring 32, 15, 28 and 15; 90 in all")
    func structure() {
        #expect(CapabilityItem.allCases.count == 26)
        #expect(CapabilityDomain.allCases.map { $0.items.count } == [8, 4, 9, 5])
        #expect(CapabilityDomain.allCases.map(\.maximumScore) == [32, 15, 28, 15])
        #expect(CapabilityDomain.allCases.map(\.chineseName) == ["自理能力", "基础运动能力", "精神状态", "感知觉与社会参与"])
        #expect(CapabilityScores.maximumTotal == 90)
        #expect(CapabilityItem.consciousness.code == "B.3.9")
        #expect(CapabilityItem.consciousness.domain == .mentalState)
        #expect(CapabilityItem.socialInteraction.domain == .perceptionAndSocialParticipation)
        #expect(CapabilityItem.allCases.filter { $0.maximumScore != 4 }.map(\.code)
            == ["B.2.4", "B.3.7", "B.3.8", "B.3.9", "B.4.1", "B.4.2", "B.4.4"])
    }

    @Test("the level of a total", arguments: [
        (90, CapabilityLevel.intact), (89, .mild), (66, .mild), (65, .moderate), (46, .moderate), (45, .severe), (30, .severe),
        (29, .complete), (0, .complete),
    ])
    func levelOfTotal(_ total: Int, _ level: CapabilityLevel) throws {
        #expect(try CapabilityLevel(total: total) == level)
    }

    @Test("a total outside 0...90 is malformed", arguments: [-1, 91])
    func totalOutOfRange(_ total: Int) {
        #expect(F.refusal { () throws(RuleViolation) in try CapabilityLevel(total: total) }?.code == "capability.total-out-of-range")
    }

    /// Rows: points lost per item → domain scores, total and level.
    @Test("item scores to domain scores to total to level", arguments: [
        ([:], [32, 15, 28, 15], 90, CapabilityLevel.intact),
        ([CapabilityItem.stairs: 1], [32, 14, 28, 15], 89, .mild),
        ([.bathing: 2, .stairs: 3, .goingOutByTransport: 3, .dailyAffairs: 2, .vision: 1], [30, 12, 28, 9], 79, .mild),
        ([.eating: 2, .grooming: 2, .bathing: 4, .dressingUpperBody: 2, .dressingLowerBodyAndFootwear: 3, .toileting: 3,
          .chairTransfer: 2, .walkingOnLevelGround: 2, .stairs: 3, .dailyAffairs: 4, .goingOutByTransport: 3], [16, 8, 28, 8], 60, .moderate),
        ([.eating: 4, .grooming: 4, .bathing: 4, .dressingUpperBody: 4, .dressingLowerBodyAndFootwear: 4, .urinaryControl: 2,
          .bowelControl: 2, .toileting: 4, .bedMobility: 2, .chairTransfer: 3, .walkingOnLevelGround: 4, .stairs: 3,
          .dailyAffairs: 4, .goingOutByTransport: 3], [4, 3, 28, 8], 43, .severe),
        ([.timeOrientation: 4, .placeOrientation: 4, .personOrientation: 4, .memory: 4, .comprehension: 4, .expression: 4,
          .aggressiveBehaviour: 1, .depressiveSymptoms: 1, .dailyAffairs: 4, .goingOutByTransport: 3, .socialInteraction: 4,
          .bathing: 2], [30, 15, 2, 4], 51, .moderate),
        (Dictionary(uniqueKeysWithValues: CapabilityItem.allCases.map { ($0, $0.maximumScore) }), [0, 0, 0, 0], 0, .complete),
    ] as [([CapabilityItem: Int], [Int], Int, CapabilityLevel)])
    func scoring(_ lost: [CapabilityItem: Int], _ domains: [Int], _ total: Int, _ level: CapabilityLevel) throws {
        let assessment = try CapabilityAssessment(assessedOn: try F.date("2025-03-01"), items: F.scores(minus: lost))
        #expect(CapabilityDomain.allCases.map { assessment.score($0) } == domains)
        #expect(assessment.total == total)
        #expect(assessment.level == level)
    }

    @Test("every item needs a score within its range")
    func itemsValidated() {
        var missing = F.scores()
        missing[.stairs] = nil
        missing[.memory] = nil
        let refusal = F.refusal { () throws(RuleViolation) in try CapabilityScores(missing) }
        #expect(refusal?.code == "capability.item-missing")
        #expect(refusal?.detail.hasPrefix("B.2.4") == true)
        #expect(refusal?.kind == .invalidInput)
        var tooHigh = F.scores()
        tooHigh[.stairs] = 4
        #expect(F.refusal { () throws(RuleViolation) in try CapabilityScores(tooHigh) }?.code == "capability.score-out-of-range")
        var negative = F.scores()
        negative[.eating] = -1
        #expect(F.refusal { () throws(RuleViolation) in try CapabilityScores(negative) }?.code == "capability.score-out-of-range")
    }

    @Test("a coma rates at least 重度失能; it needs 意识水平 0")
    func coma() throws {
        let day = try F.date("2025-03-01")
        // Consciousness 0 and little else lost: 70 by the total, 重度失能 for the coma.
        let comatose = try CapabilityAssessment(assessedOn: day, items: F.scores(minus: [.consciousness: 2, .bathing: 4, .eating: 4, .stairs: 3,
                                                                                         .goingOutByTransport: 3, .dailyAffairs: 4]), comatose: true)
        #expect(comatose.total == 70)
        #expect(comatose.level == .severe)
        let notComatose = try CapabilityAssessment(assessedOn: day, items: F.scores(minus: [.consciousness: 2, .bathing: 4, .eating: 4, .stairs: 3,
                                                                                            .goingOutByTransport: 3, .dailyAffairs: 4]))
        #expect(notComatose.level == .mild)
        let allLost = Dictionary(uniqueKeysWithValues: CapabilityItem.allCases.map { ($0, $0.maximumScore) })
        #expect(try CapabilityAssessment(assessedOn: day, items: F.scores(minus: allLost), comatose: true).level == .complete)
        let awake = F.scores()
        let refusal = F.refusal { () throws(RuleViolation) in try CapabilityAssessment(assessedOn: day, items: awake, comatose: true) }
        #expect(refusal?.code == "capability.coma-inconsistent")
    }

    @Test("the level's 特困 care tier and whether the person cannot care for themselves", arguments: [
        (CapabilityLevel.intact, SelfCareTier.selfCaring, false), (.mild, .partiallyDependent, true), (.moderate, .partiallyDependent, true),
        (.severe, .fullyDependent, true), (.complete, .fullyDependent, true),
    ])
    func tiers(_ level: CapabilityLevel, _ tier: SelfCareTier, _ dependent: Bool) {
        #expect(level.selfCareTier == tier)
        #expect(level.isUnableToCareForSelf == dependent)
    }

    @Test("names")
    func names() {
        #expect(CapabilityLevel.allCases.map(\.chineseName) == ["能力完好", "轻度失能", "中度失能", "重度失能", "完全失能"])
        #expect(CapabilityLevel.allCases.map(\.name) == ["intact", "mild", "moderate", "severe", "complete"])
        #expect(CapabilityLevel.allCases.map(\.lowestTotal) == [90, 66, 46, 30, 0])
    }
}
