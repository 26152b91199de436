import Contracts
import Foundation
import Testing
import TestKit
@testable import AssistanceDomain

@Suite("TemporaryAssistance (临时救助)", .tags(.unit))
struct TemporaryAssistanceTests {
    typealias F = AssistanceDomainFixture

    let reported = Date(timeIntervalSince1970: 1_700_000_000)

    @Test("24-hour advance target: exactly 24 h is on time", arguments: [(0.0, false), (86_399.0, false), (86_400.0, false), (86_401.0, true), (200_000.0, true)])
    func advanced(_ seconds: Double, _ breach: Bool) {
        #expect(TemporaryAssistance.advanceBreach(reportedAt: reported, advancedAt: reported.addingTimeInterval(seconds)) == breach)
    }

    @Test("not advanced: judged against asOf, or a breach once closed")
    func notAdvanced() {
        #expect(!TemporaryAssistance.advanceBreach(reportedAt: reported, advancedAt: nil, asOf: reported.addingTimeInterval(86_400)))
        #expect(TemporaryAssistance.advanceBreach(reportedAt: reported, advancedAt: nil, asOf: reported.addingTimeInterval(86_401)))
        #expect(TemporaryAssistance.advanceBreach(reportedAt: reported, advancedAt: nil))
        // An actual advance wins over asOf.
        #expect(!TemporaryAssistance.advanceBreach(reportedAt: reported, advancedAt: reported.addingTimeInterval(3600), asOf: reported.addingTimeInterval(999_999)))
    }

    @Test("an advance before the report is invalid")
    func advanceBeforeReport() throws {
        #expect(try F.refusal { try TemporaryAssistance.validateAdvance(reportedAt: reported, advancedAt: reported.addingTimeInterval(-1)) }?.code == "temporary-assistance.advance-before-report")
        try TemporaryAssistance.validateAdvance(reportedAt: reported, advancedAt: reported)
    }

    @Test("urgent cases are handled where the emergency happened, without household registration")
    func urgentRegion() throws {
        let kind = try TemporaryNeed.urgent(emergencyRegion: F.region("620423100001"))
        #expect(try TemporaryAssistance.responsibleRegion(kind: kind, residence: []) == F.jingtai)
        #expect(try TemporaryAssistance.responsibleRegion(kind: kind, residence: [.householdRegistration(F.region("510104"))]) == F.jingtai)
        #expect(try TemporaryAssistance.mayHandle(kind: kind, residence: [], in: F.jingtaiTownship))
        #expect(try !TemporaryAssistance.mayHandle(kind: kind, residence: [.householdRegistration(F.region("510104"))], in: F.region("510104")))
    }

    @Test("expenditure cases need a residence basis; household registration first")
    func expenditureRegion() throws {
        #expect(try F.refusal { try TemporaryAssistance.responsibleRegion(kind: .expenditure, residence: []) }?.code == "temporary-assistance.no-residence-basis")
        #expect(try TemporaryAssistance.responsibleRegion(kind: .expenditure, residence: [.residencePermit(F.jingtai), .householdRegistration(F.region("510104001"))]) == F.region("510104"))
        #expect(try TemporaryAssistance.responsibleRegion(kind: .expenditure, residence: [.residencePermit(F.jingtai)]) == F.jingtai)
        let closed = ResidencePolicy(acceptsResidencePermit: false, acceptsPermanentResidents: false)
        #expect(try F.refusal {
            try TemporaryAssistance.responsibleRegion(kind: .expenditure, residence: [.residencePermit(F.jingtai)], policy: closed)
        }?.code == "temporary-assistance.no-residence-basis")
        #expect(!TemporaryAssistance.mayHandle(kind: .expenditure, residence: [], in: F.jingtai))
    }

    @Test("township advance from the reserve fund")
    func advanceFromReserve() throws {
        let fund = try TownshipReserveFund(township: F.jingtaiTownship, balance: Money(yuan: 5000))
        let kind = try TemporaryNeed.urgent(emergencyRegion: F.region("620423100001"))
        let after = try TemporaryAssistance.advance(Money(yuan: 2000), kind: kind, from: fund)
        #expect(after.balance == Money(yuan: 3000))
        #expect(fund.balance == Money(yuan: 5000))
        #expect(try TemporaryAssistance.advance(Money(yuan: 5000), kind: kind, from: fund).balance == .zero)
        #expect(try F.refusal { try TemporaryAssistance.advance(F.yuan("5000.01"), kind: kind, from: fund) }?.code == "reserve.insufficient")
        #expect(try F.refusal { try TemporaryAssistance.advance(.zero, kind: kind, from: fund) }?.code == "reserve.amount-not-positive")
        #expect(try F.refusal { try TemporaryAssistance.advance(Money(yuan: 1), kind: .expenditure, from: fund) }?.code == "temporary-assistance.advance-not-urgent")
        #expect(try F.refusal {
            try TemporaryAssistance.advance(Money(yuan: 1), kind: .urgent(emergencyRegion: F.region("620421")), from: fund)
        }?.code == "temporary-assistance.township-outside-region")
        #expect(try F.refusal { try TemporaryAssistance.advance(F.yuan("1000.01"), kind: kind, from: fund, cap: Money(yuan: 1000)) }?.code == "temporary-assistance.advance-over-cap")
        #expect(try TemporaryAssistance.advance(Money(yuan: 1000), kind: kind, from: fund, cap: Money(yuan: 1000)).balance == Money(yuan: 4000))
    }

    @Test("reserve fund rules")
    func reserveFund() throws {
        #expect(try F.refusal { try TownshipReserveFund(township: F.jingtai, balance: .zero) }?.code == "reserve.region-not-township")
        #expect(try F.refusal { try TownshipReserveFund(township: F.jingtaiTownship, balance: Money(fen: -1)) }?.code == "reserve.balance-negative")
        var fund = try TownshipReserveFund(township: F.jingtaiTownship, balance: .zero)
        try fund.topUp(F.yuan("0.01"))
        #expect(try fund.balance == F.yuan("0.01"))
        #expect(try F.refusal { try fund.topUp(.zero) }?.code == "reserve.amount-not-positive")
        try fund.draw(F.yuan("0.01"))
        #expect(fund.balance == .zero)
    }

    @Test("a report is taken by a township, and handled only by a township of the responsible county")
    func reportingTownship() throws {
        #expect(try F.refusal { try TemporaryAssistance.requireTownship(F.jingtai) }?.code
                == "temporary-assistance.not-township")
        try TemporaryAssistance.requireTownship(F.jingtaiTownship)
        let elsewhere = try F.region("620421100")
        let refusal = try F.refusal {
            try TemporaryAssistance.handlingRegion(need: .expenditure, residence: [.householdRegistration(F.jingtai)], reportedAt: elsewhere,
                                                   policy: ResidencePolicy())
        }
        #expect(refusal?.code == "temporary-assistance.wrong-region")
        #expect(try TemporaryAssistance.handlingRegion(need: .urgent(emergencyRegion: elsewhere), residence: [.householdRegistration(F.jingtai)],
                                                       reportedAt: elsewhere, policy: ResidencePolicy()) == F.region("620421"))
    }

    @Test("only a reported case is advanced; a case is reviewed once",
          arguments: [(TemporaryCase.Status.reported, nil, nil), (.advanced, "temporary-assistance.already-advanced", nil),
                      (.reviewed, "temporary-assistance.not-advanceable", "temporary-assistance.not-reviewable")])
    func caseStatus(_ status: TemporaryCase.Status, _ advance: String?, _ review: String?) throws {
        let temporary = try TemporaryCase(id: UUID(), need: .urgent(emergencyRegion: F.jingtaiTownship), person: F.person(1), region: F.jingtai,
                                          township: F.jingtaiTownship, status: status, reportedAt: reported, advancedAt: nil, advance: nil)
        #expect(try F.refusal { try temporary.requireAdvanceable() }?.code == advance)
        #expect(try F.refusal { try temporary.requireReviewable() }?.code == review)
    }

    @Test("withinTarget is known once the case is advanced")
    func withinTarget() throws {
        func advanced(after seconds: Double?) throws -> TemporaryCase {
            try TemporaryCase(id: UUID(), need: .expenditure, person: F.person(1), region: F.jingtai, township: F.jingtaiTownship,
                              status: .advanced, reportedAt: reported, advancedAt: seconds.map { reported.addingTimeInterval($0) },
                              advance: Money(yuan: 800))
        }
        #expect(try advanced(after: nil).withinTarget == nil)
        #expect(try advanced(after: 3_600).withinTarget == true)
        #expect(try advanced(after: 86_401).withinTarget == false)
    }
}
