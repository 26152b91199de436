import Contracts
import Testing
import TestKit
@testable import AssistanceDomain

private typealias F = AssistanceDomainFixture

/// Where a household applies (one rule for 低保/特困 intake and expenditure-type 临时救助), and the
/// near-低保 line that low-income monitoring watches.
@Suite("Responsible county and the near-低保 line", .tags(.unit))
struct ResponsibleCountyAndNearLowIncomeTests {
    let jingyuan: RegionCode

    init() throws {
        jingyuan = try F.region("620421")
    }

    @Test func householdRegistrationComesFirstWhateverTheOrder() throws {
        let residence: [ResidenceBasis] = try [.permanentResident(jingyuan), .householdRegistration(F.region("620423100"))]
        #expect(ResidenceBasis.responsibleCounty(residence) == F.jingtai)
    }

    @Test func aPermitBeatsPermanentResidenceAndAnUnacceptedBasisIsSkipped() {
        let residence: [ResidenceBasis] = [.permanentResident(F.jingtai), .residencePermit(jingyuan)]
        #expect(ResidenceBasis.responsibleCounty(residence) == jingyuan)
        let noPermits = ResidencePolicy(acceptsResidencePermit: false)
        #expect(ResidenceBasis.responsibleCounty(residence, policy: noPermits) == F.jingtai)
        #expect(ResidenceBasis.responsibleCounty([.residencePermit(jingyuan)], policy: noPermits) == nil)
        #expect(ResidenceBasis.responsibleCounty([]) == nil)
    }

    @Test("near-低保 is below 1.5 × standard × size, exclusive", arguments: [
        (Money(fen: 173_099), true), (Money(fen: 173_100), false), (Money(fen: 57_700), true), (Money(fen: 500_000), false),
    ])
    func nearLowIncomeLine(_ income: Money, _ near: Bool) throws {
        let test = MeansTest(policy: MeansTestPolicy(financialAssetCapPerCapita: Money(yuan: 10_000)))
        // Two people on 577.00: the line is 1,731.00.
        #expect(try test.isNearLowIncome(countableIncome: income, householdSize: 2, standard: Money(fen: 57_700)) == near)
    }
}
