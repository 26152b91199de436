import Contracts
import Testing
import TestKit
@testable import AssistanceDomain

@Suite("Household, Member and ResidenceBasis", .tags(.unit))
struct HouseholdTests {
    typealias F = AssistanceDomainFixture

    @Test("birth date and sex come from the resident ID")
    func fromResidentID() throws {
        let id = try ResidentID.make(region: F.jingtai, birth: F.date("2008-02-29"), sequence: 12)
        let member = try Member(person: F.person(1), relation: .child, residentID: id, workCapacity: .none)
        #expect(try member.birthDate == F.date("2008-02-29"))
        #expect(member.sex == .female)
        #expect(try member.age(on: F.date("2026-02-28")) == id.age(on: F.date("2026-02-28")))
    }

    @Test("age matches ResidentID.age across birthdays", arguments: ["2026-02-28", "2026-03-01", "2024-02-28", "2024-02-29", "2008-02-29", "2007-01-01"])
    func ageConsistent(_ day: String) throws {
        let id = try ResidentID.make(region: F.jingtai, birth: F.date("2008-02-29"), sequence: 11)
        let member = try F.member(1, born: "2008-02-29")
        #expect(try member.age(on: F.date(day)) == id.age(on: F.date(day)))
    }

    @Test("birthday(turning:) is the first day the age is reached",
          arguments: [("2008-02-29", "2026-03-01"), ("2004-02-29", "2022-03-01"),
                      ("2012-02-29", "2030-03-01"), ("2010-02-28", "2028-02-28"), ("2007-12-31", "2025-12-31"), ("2008-01-01", "2026-01-01")])
    func eighteenthBirthday(_ born: String, _ expected: String) throws {
        let member = try F.member(1, born: born)
        let day = member.birthday(turning: 18)
        #expect(try day == F.date(expected))
        #expect(member.age(on: day) == 18)
        #expect(member.age(on: day.adding(days: -1)) == 17)
    }

    @Test("a leap-day birth turning 18 in a leap year keeps 29 February")
    func leapToLeap() throws {
        let member = try F.member(1, born: "2000-02-29")
        #expect(try member.birthday(turning: 20) == F.date("2020-02-29"))
    }

    @Test("disability grades 1–2 are severe", arguments: [(1, true), (2, true), (3, false), (4, false)])
    func severe(_ grade: Int, _ severe: Bool) throws {
        #expect(try DisabilityGrade(grade: grade).isSevere == severe)
    }

    @Test("disability grade outside 1...4 is refused", arguments: [0, 5, -1])
    func gradeInvalid(_ grade: Int) throws {
        #expect(try F.refusal { try DisabilityGrade(grade: grade) }?.code == "member.disability-grade-invalid")
    }

    @Test("negative income, assets and costs are refused")
    func negatives() throws {
        #expect(try F.refusal { try IncomeItem(kind: .wages, monthlyAmount: Money(fen: -1)) }?.code == "household.income-negative")
        #expect(try F.refusal { try AssetItem(kind: .financial, value: Money(fen: -1)) }?.code == "household.asset-negative")
        #expect(try F.refusal {
            try Member(person: F.person(1), relation: .applicant, birthDate: F.date("1980-01-01"), sex: .male,
                       workCapacity: .full, employmentCosts: Money(fen: -1))
        }?.code == "household.employment-cost-negative")
    }

    @Test("a household needs members, each once")
    func householdMembers() throws {
        #expect(try F.refusal { try Household(area: .urban, residence: [], members: []) }?.code == "household.no-members")
        #expect(try F.refusal {
            try Household(area: .urban, residence: [], members: [F.member(1), F.member(1, relation: .spouse)])
        }?.code == "household.duplicate-member")
        let h = try F.household([F.member(1), F.member(2, relation: .spouse)])
        #expect(h.size == 2)
        #expect(try h.member(F.person(2))?.relation == .spouse)
        #expect(try h.member(F.person(3)) == nil)
    }

    @Test("monthly income sums items; work capacity canWork")
    func incomeSum() throws {
        let member = try Member(person: F.person(1), relation: .applicant, birthDate: F.date("1980-01-01"), sex: .male, workCapacity: .partial,
                                incomes: [try IncomeItem(kind: .wages, monthlyAmount: F.yuan("300.50")), try IncomeItem(kind: .pension, monthlyAmount: F.yuan("99.50"))])
        #expect(member.monthlyIncome == Money(yuan: 400))
        #expect(WorkCapacity.full.canWork && WorkCapacity.partial.canWork && !WorkCapacity.none.canWork)
    }

    @Test("residence bases decide where a household may apply (compared by county)",
          arguments: try [
            (ResidenceBasis.householdRegistration(F.region("620423100001")), "620423", true),
            (.householdRegistration(F.region("620423")), "620423100", true),
            (.householdRegistration(F.region("620423")), "620421", false),
            (.residencePermit(F.region("620423")), "620423", true),
            (.residencePermit(F.region("620423")), "620402", false),
            (.permanentResident(F.region("620423200")), "620423", true),
            (.permanentResident(F.region("620423")), "510104", false),
          ])
    func mayApply(_ basis: ResidenceBasis, _ region: String, _ expected: Bool) throws {
        #expect(try basis.mayApply(in: F.region(region)) == expected)
    }

    @Test("residence permits and permanent residence can be switched off per county")
    func residencePolicy() throws {
        let closed = ResidencePolicy(acceptsResidencePermit: false, acceptsPermanentResidents: false)
        #expect(!ResidenceBasis.residencePermit(F.jingtai).mayApply(in: F.jingtai, policy: closed))
        #expect(!ResidenceBasis.permanentResident(F.jingtai).mayApply(in: F.jingtai, policy: closed))
        #expect(ResidenceBasis.householdRegistration(F.jingtai).mayApply(in: F.jingtai, policy: closed))
        let h = try Household(area: .urban, residence: [.householdRegistration(F.region("510104")), .residencePermit(F.jingtai)], members: [F.member(1)])
        #expect(h.mayApply(in: F.jingtai))
        #expect(!h.mayApply(in: F.jingtai, policy: closed))
        #expect(try h.mayApply(in: F.region("510104"), policy: closed))
        #expect(ResidenceBasis.residencePermit(F.jingtai).region == F.jingtai)
    }
}
