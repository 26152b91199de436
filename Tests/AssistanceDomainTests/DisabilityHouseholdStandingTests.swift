import Contracts
import Testing
import TestKit
@testable import AssistanceDomain

@Suite("Disability two subsidies: the household's standing for the living subsidy", .tags(.unit))
struct DisabilityHouseholdStandingTests {
    typealias F = AssistanceDomainFixture

    @Test("an active 低保 case decides minimum-living whatever the flag; otherwise the 低保边缘 flag; otherwise none",
          arguments: [
              (true, true, DisabilityHouseholdStatus.minimumLiving),
              (true, false, .minimumLiving),
              (false, true, .nearLowIncome),
              (false, false, .none),
          ])
    func status(_ inMinimumLiving: Bool, _ nearLowIncome: Bool, _ expected: DisabilityHouseholdStatus) {
        let standing = DisabilityHouseholdStanding(region: F.jingtai, hasActiveMinimumLivingCase: inMinimumLiving,
                                                   nearLowIncome: nearLowIncome)
        #expect(standing.status == expected)
    }

    @Test("every status is reachable from some facts")
    func everyStatusReachable() {
        let reached = Set([true, false].flatMap { inCase in
            [true, false].map { near in
                DisabilityHouseholdStanding(region: F.jingtai, hasActiveMinimumLivingCase: inCase, nearLowIncome: near).status
            }
        })
        #expect(reached == Set(DisabilityHouseholdStatus.allCases))
    }
}
