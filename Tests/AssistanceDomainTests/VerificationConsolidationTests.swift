import Contracts
import Testing
import TestKit
@testable import AssistanceDomain

@Suite("VerificationConsolidation (核对: declared vs verified)", .tags(.unit))
struct VerificationConsolidationTests {
    typealias F = AssistanceDomainFixture

    func income(_ kind: IncomeItem.Kind, _ amount: String, note: String = "") throws -> IncomeItem {
        try IncomeItem(kind: kind, monthlyAmount: F.yuan(amount), note: note)
    }

    func asset(_ kind: AssetItem.Kind, _ value: String, note: String = "") throws -> AssetItem {
        try AssetItem(kind: kind, value: F.yuan(value), note: note)
    }

    func member(_ n: Int, incomes: [IncomeItem] = [], assets: [AssetItem] = []) throws -> Member {
        try Member(person: F.person(n), relation: n == 1 ? .applicant : .spouse, birthDate: F.date("1980-05-10"), sex: .male,
                   workCapacity: .full, incomes: incomes, assets: assets)
    }

    func earns(_ source: String, _ n: Int, _ kind: IncomeItem.Kind, _ amount: String) throws -> VerificationRecord {
        try VerificationRecord(source: source, person: F.person(n), fact: .income(kind, monthly: F.yuan(amount)))
    }

    func owns(_ source: String, _ n: Int, _ kind: AssetItem.Kind, _ value: String) throws -> VerificationRecord {
        try VerificationRecord(source: source, person: F.person(n), fact: .asset(kind, value: F.yuan(value)))
    }

    func consolidate(_ members: [Member], _ records: [VerificationRecord]) throws -> [Member] {
        try VerificationConsolidation.consolidate(members, with: records)
    }

    func one(_ member: Member, _ records: [VerificationRecord]) throws -> Member {
        let result = try consolidate([member], records)
        try #require(result.count == 1)
        return result[0]
    }

    // MARK: - Incomes

    @Test("verified larger than declared: the verified amount counts, noted with its source")
    func verifiedWins() throws {
        let m = try one(member(1, incomes: [income(.wages, "1500")]), [earns("tax", 1, .wages, "2100.50")])
        #expect(try m.incomes == [income(.wages, "2100.50", note: "verified: tax")])
        #expect(try m.monthlyIncome == F.yuan("2100.50"))
    }

    @Test("declared larger than verified: the declared amount counts, noted as declared")
    func declaredWins() throws {
        let m = try one(member(1, incomes: [income(.wages, "2500")]), [earns("tax", 1, .wages, "2100.50")])
        #expect(try m.incomes == [income(.wages, "2500", note: "declared")])
    }

    @Test("declared equal to verified: the declared amount counts")
    func tieIsDeclared() throws {
        let m = try one(member(1, incomes: [income(.wages, "2100.50")]), [earns("tax", 1, .wages, "2100.50")])
        #expect(try m.incomes == [income(.wages, "2100.50", note: "declared")])
    }

    @Test("several source records of the same kind are summed; the sum is compared with the declared total")
    func verifiedSummed() throws {
        let records = try [earns("tax", 1, .wages, "1200"), earns("social-insurance", 1, .wages, "1500.25")]
        // 1200 + 1500.25 = 2700.25 > 2000 declared.
        let m = try one(member(1, incomes: [income(.wages, "2000")]), records)
        #expect(try m.incomes == [income(.wages, "2700.25", note: "verified: social-insurance, tax")])
        // 2700.25 < 3000 declared.
        let n = try one(member(1, incomes: [income(.wages, "3000")]), records)
        #expect(try n.incomes == [income(.wages, "3000", note: "declared")])
    }

    @Test("several declared items of the same kind are summed into one item")
    func declaredSummed() throws {
        let declared = try [income(.wages, "800", note: "job A"), income(.wages, "900", note: "job B")]
        let m = try one(member(1, incomes: declared), [earns("tax", 1, .wages, "1600")])
        #expect(try m.incomes == [income(.wages, "1700", note: "declared")])
        let n = try one(member(1, incomes: declared), [earns("tax", 1, .wages, "1700.01")])
        #expect(try n.incomes == [income(.wages, "1700.01", note: "verified: tax")])
    }

    @Test("the note names each source once, sorted, even if it reported several records")
    func sourcesNamedOnce() throws {
        let records = try [earns("tax", 1, .business, "100"), earns("bank", 1, .business, "200"), earns("tax", 1, .business, "300")]
        let m = try one(member(1), records)
        #expect(try m.incomes == [income(.business, "600", note: "verified: bank, tax")])
    }

    @Test("each income kind is decided separately, and items come out in kind order")
    func perKind() throws {
        let declared = try [income(.pension, "800"), income(.wages, "2000")]
        let records = try [earns("tax", 1, .wages, "1000"), earns("pension-fund", 1, .pension, "1200"), earns("market", 1, .business, "500")]
        let m = try one(member(1, incomes: declared), records)
        #expect(try m.incomes == [
            income(.wages, "2000", note: "declared"),
            income(.business, "500", note: "verified: market"),
            income(.pension, "1200", note: "verified: pension-fund"),
        ])
        #expect(try m.monthlyIncome == F.yuan("3700"))
    }

    @Test("a verified income of a kind nobody declared is added")
    func undeclaredKind() throws {
        let m = try one(member(1, incomes: [income(.wages, "1000")]), [earns("civil-affairs", 1, .transfer, "300")])
        #expect(try m.incomes == [income(.wages, "1000", note: "declared"), income(.transfer, "300", note: "verified: civil-affairs")])
    }

    @Test("each member gets only their own records; records of other people are ignored")
    func perMember() throws {
        let members = try [member(1, incomes: [income(.wages, "1000")]), member(2, incomes: [income(.wages, "1000")])]
        let records = try [earns("tax", 1, .wages, "1500"), earns("tax", 2, .wages, "500"), earns("tax", 3, .wages, "9000"),
                           earns("tax", 3, .pension, "9000"), owns("bank", 3, .vehicle, "90000")]
        let result = try consolidate(members, records)
        #expect(try result.map(\.person) == [F.person(1), F.person(2)])
        #expect(try result[0].incomes == [income(.wages, "1500", note: "verified: tax")])
        #expect(try result[1].incomes == [income(.wages, "1000", note: "declared")])
        #expect(result.allSatisfy { $0.assets.isEmpty })
    }

    @Test("a record of someone who is not a member changes nothing")
    func strangerOnly() throws {
        let m = try one(member(1, incomes: [income(.wages, "1000")], assets: [asset(.financial, "5000")]),
                        [earns("tax", 99, .wages, "5000"), owns("bank", 99, .financial, "80000")])
        #expect(try m.incomes == [income(.wages, "1000", note: "declared")])
        #expect(try m.assets == [asset(.financial, "5000")])
    }

    @Test("no records: the same incomes (one item per kind, now noted as declared)")
    func noRecords() throws {
        let declared = try [income(.wages, "1000"), income(.pension, "450.50")]
        let m = try one(member(1, incomes: declared, assets: [asset(.financial, "3000", note: "savings")]), [])
        #expect(m.incomes.map(\.kind) == declared.map(\.kind))
        #expect(m.incomes.map(\.monthlyAmount) == declared.map(\.monthlyAmount))
        #expect(m.incomes.allSatisfy { $0.note == "declared" })
        #expect(try m.monthlyIncome == F.yuan("1450.50"))
        #expect(try m.assets == [asset(.financial, "3000", note: "savings")])
    }

    @Test("no members: nothing comes back")
    func noMembers() throws {
        #expect(try consolidate([], [earns("tax", 1, .wages, "100")]).isEmpty)
    }

    @Test("zero declared and zero verified: no item for that kind")
    func zeroBoth() throws {
        let m = try one(member(1, incomes: [income(.wages, "0"), income(.pension, "600")]), [earns("tax", 1, .wages, "0")])
        #expect(try m.incomes == [income(.pension, "600", note: "declared")])
        let empty = try one(member(1, incomes: [income(.other, "0")]), [])
        #expect(empty.incomes.isEmpty)
    }

    @Test("zero declared, positive verified: the verified amount counts")
    func zeroDeclared() throws {
        let m = try one(member(1, incomes: [income(.wages, "0")]), [earns("tax", 1, .wages, "0.01")])
        #expect(try m.incomes == [income(.wages, "0.01", note: "verified: tax")])
    }

    @Test("an overflowing verified sum is refused with money.overflow")
    func overflow() throws {
        let huge = Money(fen: .max)
        let records = try [VerificationRecord(source: "a", person: F.person(1), fact: .income(.wages, monthly: huge)),
                           VerificationRecord(source: "b", person: F.person(1), fact: .income(.wages, monthly: huge))]
        let refusal = try F.refusal { try VerificationConsolidation.consolidate([member(1)], with: records) }
        #expect(refusal?.code == "money.overflow")
    }

    // MARK: - Assets

    @Test("financial assets: a larger verified value replaces the declared items")
    func financialVerifiedWins() throws {
        let m = try one(member(1, assets: [asset(.financial, "30000", note: "declared savings")]),
                        [owns("bank", 1, .financial, "20000"), owns("securities", 1, .financial, "15000.50")])
        #expect(try m.assets == [asset(.financial, "20000", note: "verified: bank"), asset(.financial, "15000.50", note: "verified: securities")])
    }

    @Test("financial assets: a larger declared value keeps the declared items as they were")
    func financialDeclaredWins() throws {
        let declared = try asset(.financial, "50000", note: "declared savings")
        let m = try one(member(1, assets: [declared]), [owns("bank", 1, .financial, "20000"), owns("securities", 1, .financial, "15000.50")])
        #expect(m.assets == [declared])
    }

    @Test("financial assets of equal value: the declared items are kept unless verification lists more items")
    func financialTie() throws {
        let declared = try asset(.financial, "35000.50", note: "declared savings")
        let single = try one(member(1, assets: [declared]), [owns("bank", 1, .financial, "35000.50")])
        #expect(single.assets == [declared])
        let split = try one(member(1, assets: [declared]), [owns("bank", 1, .financial, "20000"), owns("securities", 1, .financial, "15000.50")])
        #expect(try split.assets == [asset(.financial, "20000", note: "verified: bank"), asset(.financial, "15000.50", note: "verified: securities")])
    }

    @Test("a verified vehicle appears even if none was declared")
    func verifiedVehicle() throws {
        let m = try one(member(1, assets: [asset(.financial, "1000")]), [owns("vehicle-registry", 1, .vehicle, "60000")])
        #expect(try m.assets == [asset(.financial, "1000"), asset(.vehicle, "60000", note: "verified: vehicle-registry")])
        #expect(m.assets.filter { $0.kind == .vehicle }.count == 1)
    }

    @Test("a verified vehicle of unknown (zero) value still appears: with equal values, more items win")
    func verifiedVehicleZeroValue() throws {
        let m = try one(member(1), [owns("vehicle-registry", 1, .vehicle, "0")])
        #expect(try m.assets == [asset(.vehicle, "0", note: "verified: vehicle-registry")])
        let two = try one(member(1, assets: [asset(.vehicle, "0")]),
                          [owns("vehicle-registry", 1, .vehicle, "0"), owns("vehicle-registry", 1, .vehicle, "0")])
        #expect(two.assets.filter { $0.kind == .vehicle }.count == 2)
        #expect(two.assets.allSatisfy { $0.note == "verified: vehicle-registry" })
    }

    @Test("equal vehicle values and counts: the declared vehicles are kept")
    func vehicleTie() throws {
        let declared = try asset(.vehicle, "40000", note: "own car")
        let m = try one(member(1, assets: [declared]), [owns("vehicle-registry", 1, .vehicle, "40000")])
        #expect(m.assets == [declared])
    }

    @Test("vehicles are compared by total value, not count: one declared car worth more hides two verified ones")
    func vehicleCountLost() throws {
        let m = try one(member(1, assets: [asset(.vehicle, "50000")]),
                        [owns("vehicle-registry", 1, .vehicle, "10000"), owns("vehicle-registry", 1, .vehicle, "12000")])
        #expect(try m.assets == [asset(.vehicle, "50000")])
        #expect(m.assets.filter { $0.kind == .vehicle }.count == 1)
    }

    @Test("each asset kind is decided separately; assets come out in kind order")
    func assetsPerKind() throws {
        let declared = try [asset(.other, "100"), asset(.vehicle, "30000"), asset(.financial, "9000")]
        let records = try [owns("bank", 1, .financial, "12000"), owns("housing", 1, .additionalProperty, "200000")]
        let m = try one(member(1, assets: declared), records)
        #expect(try m.assets == [asset(.financial, "12000", note: "verified: bank"), asset(.vehicle, "30000"),
                                 asset(.additionalProperty, "200000", note: "verified: housing"), asset(.other, "100")])
    }

    @Test("assets of other members and other people are ignored")
    func assetsPerPerson() throws {
        let result = try consolidate([member(1), member(2, assets: [asset(.financial, "100")])],
                                     [owns("bank", 2, .financial, "5000"), owns("bank", 7, .vehicle, "80000")])
        #expect(result[0].assets.isEmpty)
        #expect(try result[1].assets == [asset(.financial, "5000", note: "verified: bank")])
    }

    @Test("a verified asset with a negative value is dropped silently")
    func negativeAssetDropped() throws {
        let m = try one(member(1, assets: [asset(.financial, "100")]),
                        [VerificationRecord(source: "bank", person: F.person(1), fact: .asset(.financial, value: Money(fen: -500)))])
        #expect(try m.assets == [asset(.financial, "100")])
    }

    // MARK: - Other fields

    @Test("every field other than incomes and assets is kept")
    func otherFieldsKept() throws {
        let original = try Member(person: F.person(5), relation: .grandparent, birthDate: F.date("1948-02-29"), sex: .female,
                                  disability: .two, workCapacity: .partial, seriouslyIll: true,
                                  incomes: [income(.pension, "300")], assets: [asset(.vehicle, "2000")], employmentCosts: F.yuan("120.30"))
        let m = try one(original, [earns("pension-fund", 5, .pension, "420"), owns("bank", 5, .financial, "800")])
        #expect(m.person == original.person)
        #expect(m.relation == .grandparent)
        #expect(try m.birthDate == F.date("1948-02-29"))
        #expect(m.sex == .female)
        #expect(m.disability == .two)
        #expect(m.workCapacity == .partial)
        #expect(m.seriouslyIll)
        #expect(try m.employmentCosts == F.yuan("120.30"))
        #expect(try m.incomes == [income(.pension, "420", note: "verified: pension-fund")])
        #expect(try m.assets == [asset(.financial, "800", note: "verified: bank"), asset(.vehicle, "2000")])
    }

    @Test("member order is kept")
    func memberOrder() throws {
        let members = try [member(3), member(1), member(2)]
        #expect(try consolidate(members, [earns("tax", 2, .wages, "1")]).map(\.person) == [F.person(3), F.person(1), F.person(2)])
    }
}
