import Testing
import TestKit
@testable import ElderCareDomain

@Suite("Information collection (信息采集率)", .tags(.unit))
struct InformationCollectionTests {
    @Test("every category needs the common items and what proves or concerns it",
          arguments: [(KeyCategory.livingAlone, [InformationItem.supporterContact]), (.emptyNest, [.supporterContact]),
                      (.leftBehind, [.supporterContact]), (.disabled, [.capabilityAssessment]),
                      (.severelyDisabled, [.disabilityCertificate]), (.extremePoverty, [.supportArrangement]),
                      (.specialFamily, [.specialFamilyCertificate]), (.dementia, [.dementiaDiagnosis]), (.advancedAge, []),
                      (.economicHardship, [])])
    func required(_ category: KeyCategory, _ extra: [InformationItem]) {
        #expect(category.requiredInformation == InformationItem.common.union(extra))
    }

    @Test("what is missing for several categories at once")
    func missing() {
        let info = InformationCollection(collected: InformationItem.common.union([.supporterContact]))
        #expect(info.missing(for: [.livingAlone, .emptyNest]) == [])
        #expect(info.missing(for: [.livingAlone, .specialFamily, .severelyDisabled]) == [.specialFamilyCertificate, .disabilityCertificate])
        #expect(InformationCollection().missing(for: [.advancedAge]) == InformationItem.common)
        #expect(info.isComplete(for: .livingAlone) == true)
        #expect(info.isComplete(for: .dementia) == false)
    }

    @Test("the rate of a category counts its members only, each complete for that category")
    func rateOfCategory() {
        let complete = InformationCollection(collected: InformationItem.common.union([.supporterContact]))
        let noPhone = InformationCollection(collected: InformationItem.common.subtracting([.phone]).union([.supporterContact]))
        let people: [(categories: Set<KeyCategory>, information: InformationCollection)] = [
            ([.livingAlone], complete),
            ([.livingAlone, .specialFamily], complete),   // complete for 独居, not for 计划生育特殊家庭
            ([.livingAlone], noPhone),
            ([.advancedAge], noPhone),                    // not in 独居
        ]
        #expect(InformationCollection.rate(of: .livingAlone, among: people) == Proportion(count: 2, of: 3))
        #expect(InformationCollection.rate(of: .specialFamily, among: people) == Proportion(count: 0, of: 1))
        #expect(InformationCollection.rate(of: .dementia, among: people).isEmpty == true)
        #expect(ElderCareTargets.informationCollection.isMet(by: InformationCollection.rate(of: .livingAlone, among: people)) == false)
        #expect(ElderCareTargets.informationCollection.isMet(by: InformationCollection.rate(of: .dementia, among: people)) == nil)
    }

    @Test("the rate of the eight together ignores 失智 and 经济困难")
    func rateOfTheEight() {
        let common = InformationCollection(collected: InformationItem.common.union([.supporterContact]))
        let people: [(categories: Set<KeyCategory>, information: InformationCollection)] = [
            ([.livingAlone, .dementia], common),   // complete for 独居; 失智's diagnosis is not among the eight
            ([.economicHardship], InformationCollection()), // in none of the eight
            ([.advancedAge, .disabled], common),    // lacks the assessment
        ]
        #expect(InformationCollection.rateOfTheSeedEight(among: people) == Proportion(count: 1, of: 2))
    }
}

@Suite("Proportions and percentage targets", .tags(.unit))
struct ProportionTests {
    @Test("at least / more than, exactly at the line",
          arguments: [(55, 100, PercentageTarget.Comparison.atLeast, true), (55, 100, .moreThan, false), (56, 100, .moreThan, true),
                      (54, 100, .atLeast, false), (11, 20, .atLeast, true), (146, 265, .atLeast, true), (145, 265, .atLeast, false)])
    func boundary(_ count: Int, _ total: Int, _ comparison: PercentageTarget.Comparison, _ met: Bool) {
        #expect(PercentageTarget(percent: 55, comparison).isMet(by: Proportion(count: count, of: total)) == met)
    }

    @Test("the shortfall is how many more units meet the target",
          arguments: [(50, 100, PercentageTarget.Comparison.atLeast, 5), (50, 100, .moreThan, 6), (11, 20, .atLeast, 0),
                      (11, 20, .moreThan, 1), (0, 7, .atLeast, 4), (80, 100, .atLeast, 0)])
    func shortfall(_ count: Int, _ total: Int, _ comparison: PercentageTarget.Comparison, _ needed: Int) {
        #expect(PercentageTarget(percent: 55, comparison).shortfall(of: Proportion(count: count, of: total)) == needed)
    }

    @Test("an empty population meets and misses nothing")
    func empty() {
        let none = Proportion(count: 0, of: 0)
        #expect(none.isEmpty == true)
        #expect(none.fraction == nil)
        #expect(none.perMille == nil)
        #expect(PercentageTarget(percent: 60).isMet(by: none) == nil)
        #expect(PercentageTarget(percent: 60).shortfall(of: none) == nil)
    }

    @Test("counts are clamped into the whole; per mille rounds half up")
    func clampAndPerMille() {
        #expect(Proportion(count: 7, of: 5) == Proportion(count: 5, of: 5))
        #expect(Proportion(count: -1, of: 5).count == 0)
        #expect(Proportion(count: 105, of: 265).perMille == 396)
        #expect(Proportion(count: 1, of: 8).perMille == 125)
        #expect(Proportion(count: 1, of: 2000).perMille == 1)
        #expect(PercentageTarget(percent: 55).description == "≥55%")
        #expect(PercentageTarget(percent: 55, .moreThan).description == ">55%")
    }

    @Test("the plans' targets")
    func targets() {
        #expect(ElderCareTargets.countyNursingBedShare == PercentageTarget(percent: 55, .atLeast))
        #expect(ElderCareTargets.supportFacilityNursingBedShare == PercentageTarget(percent: 50, .atLeast))
        #expect(ElderCareTargets.nursingHomeNursingBedShareJinan == PercentageTarget(percent: 55, .moreThan))
        #expect(ElderCareTargets.centralisedSupportOfDependentExtremePoverty == PercentageTarget(percent: 60, .atLeast))
        #expect(ElderCareTargets.centralisedSupportOfWilling == PercentageTarget(percent: 100))
        #expect(ElderCareTargets.informationCollection == PercentageTarget(percent: 100))
    }
}
