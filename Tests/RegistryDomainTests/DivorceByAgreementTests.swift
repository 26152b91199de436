import Contracts
import Testing
@testable import RegistryDomain
import TestKit

@Suite("Divorce by agreement with cooling-off (Civil Code art. 1077)", .tags(.unit))
struct DivorceByAgreementTests {
    typealias F = RegistryDomainFixture
    typealias Divorce = DivorceByAgreement

    static var husband: ResidentID { get throws { try F.man(born: "1990-04-01") } }
    static var wife: ResidentID { get throws { try F.woman(born: "1992-09-09") } }
    static var stranger: ResidentID { get throws { try F.man(born: "1985-01-01", sequence: 5) } }
    /// Day D. D+30 = 2026-02-04 (last day of cooling-off), D+31 = 2026-02-05, D+60 = 2026-03-06, D+61 = 2026-03-07.
    static var appliedOn: CivilDate { get throws { try F.day("2026-01-05") } }

    static func applied() throws -> Divorce {
        try Divorce.apply(partyA: husband, partyB: wife, on: appliedOn)
    }

    static func day(_ offset: Int) throws -> CivilDate { try appliedOn.adding(days: offset) }

    @Test func periodsAreCountedFromTheDayAfterTheApplication() throws {
        let divorce = try Self.applied()
        #expect(try divorce.appliedOn == F.day("2026-01-05"))
        #expect(try divorce.coolingOffLastDay == F.day("2026-02-04"))
        #expect(try divorce.registrationWindow == F.day("2026-02-05")...F.day("2026-03-06"))
        #expect(try divorce.expiresOn == F.day("2026-03-07"))
        #expect(divorce.outcome == nil)
    }

    @Test(arguments: [
        (0, "cooling"), (1, "cooling"), (29, "cooling"), (30, "cooling"),
        (31, "awaiting"), (45, "awaiting"), (60, "awaiting"),
        (61, "expired"), (365, "expired"),
    ])
    func statusFollowsTheCalendar(offset: Int, expected: String) throws {
        let divorce = try Self.applied()
        let status = try divorce.status(on: Self.day(offset))
        switch expected {
        case "cooling": #expect(try status == .coolingOff(appliedOn: Self.appliedOn))
        case "awaiting": #expect(try status == .awaitingRegistration(window: Self.day(31)...Self.day(60)))
        default: #expect(try status == .withdrawn(on: Self.day(61), by: .expired))
        }
    }

    @Test func statusBeforeTheApplicationDayReadsAsCoolingOff() throws {
        #expect(try Self.applied().status(on: Self.day(-3)) == .coolingOff(appliedOn: Self.appliedOn))
    }

    @Test(arguments: [0, 1, 15, 29, 30])
    func eitherPartyMayWithdrawDuringCoolingOff(offset: Int) throws {
        for party in [try Self.husband, try Self.wife] {
            var divorce = try Self.applied()
            try divorce.withdraw(by: party, on: Self.day(offset))
            #expect(try divorce.outcome == .withdrawn(on: Self.day(offset), by: party))
            #expect(try divorce.status(on: Self.day(offset)) == .withdrawn(on: Self.day(offset), by: .party(party)))
            #expect(try divorce.status(on: Self.day(200)) == .withdrawn(on: Self.day(offset), by: .party(party)))
        }
    }

    @Test(arguments: [(31, "divorce.not-in-cooling-off"), (45, "divorce.not-in-cooling-off"), (60, "divorce.not-in-cooling-off"),
                      (61, "divorce.already-withdrawn"), (100, "divorce.already-withdrawn")])
    func withdrawalAfterCoolingOffIsRefused(offset: Int, code: String) throws {
        var divorce = try Self.applied()
        let refusal = try F.refusal { try divorce.withdraw(by: Self.wife, on: Self.day(offset)) }
        #expect(refusal?.code == code)
        #expect(divorce.outcome == nil)
    }

    @Test(arguments: [0, 1, 29, 30])
    func registrationDuringCoolingOffIsRefused(offset: Int) throws {
        var divorce = try Self.applied()
        let refusal = try F.refusal { try divorce.register(on: Self.day(offset)) }
        #expect(refusal?.code == "divorce.cooling-off-not-over")
        #expect(refusal?.kind == .ruleViolated)
        #expect(refusal?.detail.contains("2026-02-05") == true)
    }

    @Test(arguments: [31, 32, 45, 59, 60])
    func registrationWithinTheWindowSucceeds(offset: Int) throws {
        var divorce = try Self.applied()
        try divorce.register(on: Self.day(offset))
        #expect(try divorce.outcome == .registered(on: Self.day(offset)))
        #expect(try divorce.status(on: Self.day(offset)) == .registered(on: Self.day(offset)))
        #expect(try divorce.status(on: Self.day(500)) == .registered(on: Self.day(offset)))
        // Before the registration day, the calendar state still shows.
        #expect(try divorce.status(on: Self.day(offset - 1)) != .registered(on: Self.day(offset)))
    }

    @Test(arguments: [61, 62, 90])
    func registrationAfterTheWindowIsRefused(offset: Int) throws {
        var divorce = try Self.applied()
        let refusal = try F.refusal { try divorce.register(on: Self.day(offset)) }
        #expect(refusal?.code == "divorce.registration-window-expired")
        #expect(try divorce.status(on: Self.day(offset)) == .withdrawn(on: Self.day(61), by: .expired))
    }

    @Test func aStrangerCannotWithdraw() throws {
        var divorce = try Self.applied()
        let refusal = try F.refusal { try divorce.withdraw(by: Self.stranger, on: Self.day(3)) }
        #expect(refusal?.code == "divorce.not-a-party")
        #expect(refusal?.kind == .invalidInput)
    }

    @Test func nothingHappensAfterRegistration() throws {
        var divorce = try Self.applied()
        try divorce.register(on: Self.day(40))
        for offset in [41, 70] {
            let again = try F.refusal { try divorce.register(on: Self.day(offset)) }
            #expect(again?.code == "divorce.already-registered")
            #expect(again?.kind == .conflict)
        }
        let withdrawal = try F.refusal { try divorce.withdraw(by: Self.wife, on: Self.day(41)) }
        #expect(withdrawal?.code == "divorce.already-registered")
    }

    @Test func nothingHappensAfterAPartyWithdrew() throws {
        var divorce = try Self.applied()
        try divorce.withdraw(by: Self.husband, on: Self.day(10))
        let register = try F.refusal { try divorce.register(on: Self.day(40)) }
        #expect(register?.code == "divorce.already-withdrawn")
        #expect(register?.kind == .conflict)
        let again = try F.refusal { try divorce.withdraw(by: Self.wife, on: Self.day(11)) }
        #expect(again?.code == "divorce.already-withdrawn")
    }

    @Test func commandsDatedBeforeTheApplicationAreRefused() throws {
        var divorce = try Self.applied()
        let withdraw = try F.refusal { try divorce.withdraw(by: Self.wife, on: Self.day(-1)) }
        let register = try F.refusal { try divorce.register(on: Self.day(-1)) }
        #expect(withdraw?.code == "divorce.date-before-application")
        #expect(register?.code == "divorce.date-before-application")
        #expect(register?.kind == .invalidInput)
    }

    @Test func spousesMustBeTwoPeople() throws {
        let refusal = try F.refusal {
            _ = try Divorce.apply(partyA: Self.wife, partyB: Self.wife, on: Self.appliedOn)
        }
        #expect(refusal?.code == "divorce.same-person")
    }

    @Test(arguments: [
        ("2028-01-31", "2028-03-01", "2028-03-31"),  // leap February: 29 Feb is a day of cooling-off
        ("2027-01-31", "2027-03-02", "2027-04-01"),
        ("2026-12-15", "2027-01-14", "2027-02-13"),  // across the year end
    ])
    func calendarArithmetic(applied: String, coolingOffLast: String, windowLast: String) throws {
        let divorce = try Divorce.apply(partyA: Self.husband, partyB: Self.wife, on: F.day(applied))
        #expect(try divorce.coolingOffLastDay == F.day(coolingOffLast))
        #expect(try divorce.registrationWindow.lowerBound == F.day(coolingOffLast).adding(days: 1))
        #expect(try divorce.registrationWindow.upperBound == F.day(windowLast))
    }

    @Test func aPeriodEndingOnAClosedDayEndsOnTheNextOpenDay() throws {
        // 2026-09-01 + 30 = 2026-10-01, National Day; the office is closed 1–7 October.
        let holiday = try Set((1...7).map { try F.day("2026-10-0\($0)") })
        var divorce = try Divorce.apply(partyA: Self.husband, partyB: Self.wife, on: F.day("2026-09-01"), closedDays: holiday)
        #expect(try divorce.coolingOffLastDay == F.day("2026-10-08"))
        #expect(try divorce.registrationWindow == F.day("2026-10-09")...F.day("2026-11-07"))
        let early = try F.refusal { try divorce.register(on: F.day("2026-10-08")) }
        #expect(early?.code == "divorce.cooling-off-not-over")
        var withdrawn = divorce
        try withdrawn.withdraw(by: Self.wife, on: F.day("2026-10-08"))
        try divorce.register(on: F.day("2026-10-09"))
    }

    @Test func aWindowEndingOnAClosedDayIsExtended() throws {
        // D+60 = 2026-03-06 and D+61 are closed: the window ends on 2026-03-08.
        let closed: Set<CivilDate> = try [F.day("2026-03-06"), F.day("2026-03-07")]
        var divorce = try Divorce.apply(partyA: Self.husband, partyB: Self.wife, on: Self.appliedOn, closedDays: closed)
        #expect(try divorce.coolingOffLastDay == Self.day(30))
        #expect(try divorce.registrationWindow == Self.day(31)...F.day("2026-03-08"))
        #expect(try divorce.status(on: F.day("2026-03-09")) == .withdrawn(on: F.day("2026-03-09"), by: .expired))
        try divorce.register(on: F.day("2026-03-08"))
    }

    @Test func closedDaysInsideAPeriodDoNotExtendIt() throws {
        let closed: Set<CivilDate> = try [Self.day(10), Self.day(40)]
        let divorce = try Divorce.apply(partyA: Self.husband, partyB: Self.wife, on: Self.appliedOn, closedDays: closed)
        #expect(try divorce == Self.applied())
    }

    @Test func restoresFromStorage() throws {
        var divorce = try Self.applied()
        try divorce.register(on: Self.day(33))
        let restored = Divorce(partyA: divorce.partyA, partyB: divorce.partyB, appliedOn: divorce.appliedOn,
                               coolingOffLastDay: divorce.coolingOffLastDay,
                               registrationWindow: divorce.registrationWindow, outcome: divorce.outcome)
        #expect(restored == divorce)
    }

    @Test func statutoryLengths() {
        #expect(Divorce.coolingOffDays == 30)
        #expect(Divorce.registrationWindowDays == 30)
    }
}
