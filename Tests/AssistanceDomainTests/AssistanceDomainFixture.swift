import Contracts
import Foundation
import Testing
@testable import AssistanceDomain

/// Test helpers: literal values known to be valid.
enum AssistanceDomainFixture {
    static func date(_ iso: String) throws -> CivilDate { try CivilDate(iso: iso) }
    static func month(_ iso: String) throws -> YearMonth { try YearMonth(iso: iso) }
    static func yuan(_ text: String) throws -> Money { try Money(parsing: text) }
    static func region(_ code: String) throws -> RegionCode { try RegionCode(code) }
    static func person(_ n: Int) throws -> PersonRef {
        let hex = String(n, radix: 16)
        return try PersonRef(rawValue: "pr_" + String(repeating: "0", count: 64 - hex.count) + hex)
    }
    static func ratio(_ n: Int64, _ d: Int64) throws -> PolicyRatio { try PolicyRatio(n, d) }

    static func member(_ n: Int, born: String = "1980-05-10", relation: MemberRelation = .applicant,
                       sex: Sex = .male, disability: DisabilityGrade? = nil, work: WorkCapacity = .full,
                       ill: Bool = false, income: String? = nil, costs: String = "0",
                       assets: [AssetItem] = []) throws -> Member {
        let incomes = try income.map { [try IncomeItem(kind: .wages, monthlyAmount: yuan($0))] } ?? []
        return try Member(person: person(n), relation: relation, birthDate: date(born), sex: sex, disability: disability,
                          workCapacity: work, seriouslyIll: ill, incomes: incomes, assets: assets, employmentCosts: yuan(costs))
    }

    static let jingtai = JingtaiStandards.region
    static var jingtaiTownship: RegionCode { get throws { try region("620423100") } }

    static func household(_ members: [Member], area: UrbanRural = .urban) throws -> Household {
        try Household(area: area, residence: [.householdRegistration(jingtai)], members: members)
    }

    static func asset(_ kind: AssetItem.Kind, _ value: String) throws -> AssetItem { try AssetItem(kind: kind, value: yuan(value)) }

    /// Runs `body` and returns the `RuleViolation` it threw (nil if it did not throw). Any other
    /// error (a fixture value that does not parse) is not a refusal: it fails the test.
    static func refusal<T>(_ body: () throws -> T) throws -> RuleViolation? {
        do { _ = try body(); return nil } catch let violation as RuleViolation { return violation }
    }
}
