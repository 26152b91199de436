import Contracts
import Testing
import TestKit
@testable import AssistanceDomain

@Suite("ExtremePovertyEligibility (特困)", .tags(.unit))
struct ExtremePovertyTests {
    typealias F = AssistanceDomainFixture

    let today: CivilDate

    init() throws {
        today = try F.date("2024-06-15")
    }

    @Test("qualifying categories with age boundaries",
          arguments: [("1964-06-15", [ExtremePovertyEligibility.Basis.elderly]), ("2006-06-16", [.minor])])
    func categories(_ born: String, _ bases: [ExtremePovertyEligibility.Basis]) throws {
        let d = try ExtremePovertyEligibility.evaluate(F.member(1, born: born, work: .none), hasAbleSupporter: false, on: today)
        #expect(d.isEligible)
        #expect(d.bases == bases)
    }

    @Test("59-year-olds and 18-year-olds do not qualify by age", arguments: ["1964-06-16", "2006-06-15", "2000-01-01"])
    func outsideAge(_ born: String) throws {
        let d = try ExtremePovertyEligibility.evaluate(F.member(1, born: born, work: .none), hasAbleSupporter: false, on: today)
        #expect(d.refusals.map(\.code) == ["extreme-poverty.no-qualifying-category"])
        #expect(d.bases.isEmpty)
    }

    @Test("16- and 17-year-olds are covered (18, not 16: 《景泰县“十四五”民政事业发展规划》第三章（一）2)", arguments: ["2008-06-15", "2007-06-16", "2007-06-15"])
    func sixteenSeventeen(_ born: String) throws {
        let d = try ExtremePovertyEligibility.evaluate(F.member(1, born: born, work: .full), hasAbleSupporter: false, on: today)
        #expect(d.isEligible)
        #expect(d.bases == [.minor])
    }

    @Test("minors are not deemed unable to work when switched off")
    func minorWorkCapacity() throws {
        let policy = ExtremePovertyEligibility.Policy(minorsDeemedUnableToWork: false)
        let d = try ExtremePovertyEligibility.evaluate(F.member(1, born: "2007-06-16", work: .partial), hasAbleSupporter: false, on: today, policy: policy)
        #expect(d.refusals.map(\.code) == ["extreme-poverty.has-work-capacity"])
    }

    @Test("severely disabled adults of working age qualify", arguments: [DisabilityGrade.one, .two])
    func severeDisability(_ grade: DisabilityGrade) throws {
        let d = try ExtremePovertyEligibility.evaluate(F.member(1, born: "1985-01-01", disability: grade, work: .none), hasAbleSupporter: false, on: today)
        #expect(d.bases == [.severelyDisabled])
        #expect(d.review == nil)
    }

    @Test("every failed condition is reported")
    func allRefusals() throws {
        let d = try ExtremePovertyEligibility.evaluate(F.member(1, born: "1985-01-01", disability: .three, work: .partial, income: "0.01"), hasAbleSupporter: true, on: today)
        #expect(d.refusals.map(\.code) == ["extreme-poverty.has-work-capacity", "extreme-poverty.has-income",
                                          "extreme-poverty.has-able-supporter", "extreme-poverty.no-qualifying-category"])
        #expect(!d.isEligible)
        #expect(d.review == nil)
        #expect(try F.refusal {
            try ExtremePovertyEligibility.require(F.member(1, born: "1985-01-01", disability: .three, work: .partial, income: "0.01"), hasAbleSupporter: true, on: today)
        }?.code == "extreme-poverty.has-work-capacity")
    }

    @Test("income tolerance is configurable; zero by default", arguments: [("0.01", false), ("0", true)])
    func income(_ amount: String, _ eligible: Bool) throws {
        let member = try F.member(1, born: "1950-01-01", work: .none, income: amount)
        #expect(ExtremePovertyEligibility.evaluate(member, hasAbleSupporter: false, on: today).isEligible == eligible)
        let tolerant = try ExtremePovertyEligibility.Policy(incomeTolerance: F.yuan("0.01"))
        #expect(ExtremePovertyEligibility.evaluate(member, hasAbleSupporter: false, on: today, policy: tolerant).isEligible)
    }

    @Test("a minor's exit date is the 18th birthday and raises a review",
          arguments: [("2010-03-10", "2028-03-10"), ("2008-02-29", "2026-03-01"), ("2012-02-29", "2030-03-01"), ("2006-12-31", "2024-12-31")])
    func minorExit(_ born: String, _ exit: String) throws {
        let minor = try F.member(1, born: born, relation: .child, work: .none)
        #expect(try ExtremePovertyEligibility.exitDate(for: minor) == F.date(exit))
        let d = try ExtremePovertyEligibility.require(minor, hasAbleSupporter: false, on: today)
        #expect(try d.review == ExtremePovertyEligibility.Review(person: F.person(1), dueOn: F.date(exit), endsEligibility: true))
        // The day before: still a minor; on the day: no longer.
        #expect(try ExtremePovertyEligibility.evaluate(minor, hasAbleSupporter: false, on: F.date(exit).adding(days: -1)).bases == [.minor])
        #expect(try !ExtremePovertyEligibility.evaluate(minor, hasAbleSupporter: false, on: F.date(exit)).isEligible)
    }

    @Test("a severely disabled minor gets a review that does not end eligibility")
    func disabledMinor() throws {
        let d = try ExtremePovertyEligibility.evaluate(F.member(1, born: "2010-01-01", disability: .one, work: .none), hasAbleSupporter: false, on: today)
        #expect(d.bases == [.severelyDisabled, .minor])
        #expect(d.review?.endsEligibility == false)
        #expect(try d.review?.dueOn == F.date("2028-01-01"))
        #expect(try ExtremePovertyEligibility.evaluate(F.member(1, born: "2010-01-01", disability: .one, work: .none), hasAbleSupporter: false, on: F.date("2028-01-01")).bases == [.severelyDisabled])
    }
}
