import Contracts
import Foundation
import Testing
@testable import AssistanceDomain

/// Test helpers: literal values known to be valid.
enum AssistanceDomainFixture {
    static func date(_ iso: String) -> CivilDate { try! CivilDate(iso: iso) }
    static func month(_ iso: String) -> YearMonth { try! YearMonth(iso: iso) }
    static func yuan(_ text: String) -> Money { try! Money(parsing: text) }
    static func region(_ code: String) -> RegionCode { try! RegionCode(code) }
    static func person(_ n: Int) -> PersonRef {
        let hex = String(n, radix: 16)
        return try! PersonRef(rawValue: "pr_" + String(repeating: "0", count: 64 - hex.count) + hex)
    }
    static func ratio(_ n: Int64, _ d: Int64) -> PolicyRatio { try! PolicyRatio(n, d) }

    static func member(_ n: Int, born: String = "1980-05-10", relation: MemberRelation = .applicant,
                       sex: Sex = .male, disability: DisabilityGrade? = nil, work: WorkCapacity = .full,
                       ill: Bool = false, income: String? = nil, costs: String = "0",
                       assets: [AssetItem] = []) -> Member {
        let incomes = income.map { [try! IncomeItem(kind: .wages, monthlyAmount: yuan($0))] } ?? []
        return try! Member(person: person(n), relation: relation, birthDate: date(born), sex: sex, disability: disability,
                           workCapacity: work, seriouslyIll: ill, incomes: incomes, assets: assets, employmentCosts: yuan(costs))
    }

    static let jingtai = JingtaiStandards.region
    static let jingtaiTownship = region("620423100")

    static func household(_ members: [Member], area: UrbanRural = .urban) -> Household {
        try! Household(area: area, residence: [.householdRegistration(jingtai)], members: members)
    }

    static func asset(_ kind: AssetItem.Kind, _ value: String) -> AssetItem { try! AssetItem(kind: kind, value: yuan(value)) }

    /// Runs `body` and returns the `RuleViolation` it threw (nil if it did not throw).
    static func refusal<T>(_ body: () throws(RuleViolation) -> T) -> RuleViolation? {
        do { _ = try body(); return nil } catch { return error }
    }
}
