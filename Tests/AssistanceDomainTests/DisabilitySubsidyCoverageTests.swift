import Contracts
import Foundation
import Testing
import TestKit
@testable import AssistanceDomain

@Suite("Disability subsidies: coverage (覆盖率)", .tags(.unit))
struct DisabilitySubsidyCoverageTests {
    static func person(_ n: Int) throws -> PersonRef { try PersonRef(rawValue: "pr_" + String(repeating: String(n % 10), count: 64)) }

    static func known(_ n: Int, _ status: DisabilityHouseholdStatus, grade: DisabilityGrade, type: DisabilityType? = nil,
                      disabledMembers: Int = 1) throws -> KnownDisabledPerson {
        KnownDisabledPerson(person: try person(n), householdStatus: status, grade: grade, type: type, disabledMembers: disabledMembers)
    }

    static func figures(_ coverage: [DisabilitySubsidyCoverage]) -> [String] {
        coverage.map { "\($0.kind.rawValue) \($0.covered)/\($0.eligible) \($0.permille.map(String.init) ?? "-")" }
    }

    @Test("living: 低保 and (by default) 低保边缘 households count; nursing: grades 1–2 whatever the household")
    func whoCounts() throws {
        let known = [try Self.known(1, .minimumLiving, grade: .three), try Self.known(2, .nearLowIncome, grade: .one),
                     try Self.known(3, .none, grade: .two), try Self.known(4, .none, grade: .four)]
        let paid: [DisabilitySubsidyKind: Set<PersonRef>] = [.living: [try Self.person(1)], .nursing: [try Self.person(2), try Self.person(3)]]
        let coverage = DisabilitySubsidyCoverage.count(known: known, paid: paid, in: try YearMonth(iso: "2026-02"), policy: try DisabilitySubsidyPolicy())
        #expect(Self.figures(coverage) == ["living 1/2 500", "nursing 2/2 1000"])
        #expect(coverage.first?.uncovered == [try Self.person(2)])
        #expect(coverage.last?.uncovered == [])
    }

    @Test("a county that leaves out 低保边缘 does not count them; 一户多残 counts only where included")
    func options() throws {
        let known = [try Self.known(2, .nearLowIncome, grade: .one), try Self.known(5, .none, grade: .three, disabledMembers: 2)]
        let month = try YearMonth(iso: "2026-02")
        let narrow = DisabilitySubsidyCoverage.count(known: known, paid: [:], in: month, policy: try DisabilitySubsidyPolicy(nearLowIncomeIncluded: false))
        #expect(Self.figures(narrow) == ["living 0/0 -", "nursing 0/1 0"])
        let wide = DisabilitySubsidyCoverage.count(known: known, paid: [:], in: month,
                                                   policy: try DisabilitySubsidyPolicy(multipleDisabledIncluded: true))
        #expect(Self.figures(wide) == ["living 0/2 0", "nursing 0/1 0"])
    }

    @Test("grades 3–4: counted for nursing only when an application recorded 智力/精神, and only from July 2023")
    func effectiveDatedNursing() throws {
        let known = [try Self.known(6, .none, grade: .three, type: .intellectual), try Self.known(7, .none, grade: .four),
                     try Self.known(8, .none, grade: .three, type: .physical)]
        let before = DisabilitySubsidyCoverage.count(known: known, paid: [:], in: try YearMonth(iso: "2023-06"), policy: try DisabilitySubsidyPolicy())
        let after = DisabilitySubsidyCoverage.count(known: known, paid: [:], in: try YearMonth(iso: "2023-07"), policy: try DisabilitySubsidyPolicy())
        #expect(Self.figures(before) == ["living 0/0 -", "nursing 0/0 -"])
        #expect(Self.figures(after) == ["living 0/0 -", "nursing 0/1 0"])
        #expect(after.last?.uncovered == [try Self.person(6)])
    }

    @Test("everyone paid is eligible, even someone the household records do not show")
    func paidAreEligible() throws {
        let paid: [DisabilitySubsidyKind: Set<PersonRef>] = [.nursing: [try Self.person(9)]]
        let coverage = DisabilitySubsidyCoverage.count(known: [], paid: paid, in: try YearMonth(iso: "2026-02"), policy: try DisabilitySubsidyPolicy())
        #expect(Self.figures(coverage) == ["living 0/0 -", "nursing 1/1 1000"])
    }
}
