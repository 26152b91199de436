import Contracts
import Testing
import TestKit
@testable import AssistanceDomain

@Suite("BenefitAmount (差额 + 分类施保)", .tags(.unit))
struct BenefitAmountTests {
    typealias F = AssistanceDomainFixture

    let day: CivilDate

    init() throws {
        day = try F.date("2021-01-01")
    }
    let urban = Money(yuan: 577)
    let rural = Money(yuan: 369)

    @Test("(standard − per-capita income) × members, Jingtai figures",
          arguments: [("577", "0", 1, "577.00"), ("577", "900", 3, "831.00"), ("577", "1730.99", 3, "0.01"),
                      ("369", "1000", 4, "476.00"), ("369", "100.01", 2, "637.99"), ("577", "1000", 3, "731.00")])
    func gap(_ standard: String, _ income: String, _ size: Int, _ expected: String) throws {
        let members = try (1...size).map { try F.member($0, born: "1980-01-01") }
        let amount = try BenefitAmount.compute(standard: F.yuan(standard), countableIncome: F.yuan(income), members: members,
                                               on: day, policy: BenefitAmountPolicy())
        #expect(try amount.total == F.yuan(expected))
        #expect(amount.gap == amount.base)
        #expect(!amount.minimumApplied)
        #expect(amount.topUps.isEmpty)
    }

    @Test("no per-capita rounding: 3 persons, income 1000 → 1731 − 1000 = 731.00 exactly (not 3 × 243.67)")
    func noIntermediateRounding() throws {
        let members = try (1...3).map { try F.member($0) }
        let amount = try BenefitAmount.compute(standard: urban, countableIncome: Money(yuan: 1000), members: members, on: day, policy: BenefitAmountPolicy())
        #expect(amount.total == Money(yuan: 731))
    }

    @Test("minimum per person raises a small gap; equal to the minimum is not 'applied'",
          arguments: [("1700", "60.00", true), ("1671", "60.00", false), ("1600", "131.00", false)])
    func minimum(_ income: String, _ expected: String, _ applied: Bool) throws {
        // 3 × 577 = 1731; minimum 20/person = 60.
        let members = try (1...3).map { try F.member($0) }
        let policy = BenefitAmountPolicy(minimumPerPerson: Money(yuan: 20))
        let amount = try BenefitAmount.compute(standard: urban, countableIncome: F.yuan(income), members: members, on: day, policy: policy)
        #expect(try amount.base == F.yuan(expected))
        #expect(try amount.total == F.yuan(expected))
        #expect(amount.minimumApplied == applied)
        #expect(try amount.gap == Money(yuan: 1731) - F.yuan(income))
    }

    @Test("income at or above the line has no benefit", arguments: ["1731", "2000"])
    func notBelow(_ income: String) throws {
        let members = try (1...3).map { try F.member($0) }
        #expect(try F.refusal {
            try BenefitAmount.compute(standard: urban, countableIncome: F.yuan(income), members: members, on: day, policy: BenefitAmountPolicy(minimumPerPerson: Money(yuan: 20)))
        }?.code == "benefit.income-not-below-standard")
    }

    @Test("invalid inputs")
    func invalid() throws {
        #expect(try F.refusal {
            try BenefitAmount.compute(standard: urban, countableIncome: .zero, members: [], on: day, policy: BenefitAmountPolicy())
        }?.code == "benefit.no-members")
        #expect(try F.refusal {
            try BenefitAmount.compute(standard: urban, countableIncome: Money(fen: -1), members: [F.member(1)], on: day, policy: BenefitAmountPolicy())
        }?.code == "benefit.income-negative")
    }

    static var topUps: [BenefitCategory: CategoryTopUp] {
        get throws {
            [
                .elderly: .fixed(Money(yuan: 50)),
                .severelyDisabled: .shareOfStandard(try PolicyRatio(3, 10)),  // 30 % of 577 = 173.10
                .minor: .fixed(Money(yuan: 40)),
                .seriouslyIll: .fixed(Money(yuan: 100)),
            ]
        }
    }

    @Test("categories: 60th and 18th birthdays are exact boundaries",
          arguments: [("1961-01-01", [BenefitCategory.elderly]), ("1961-01-02", []), ("2003-01-01", []), ("2003-01-02", [.minor])])
    func categoryBoundaries(_ born: String, _ expected: [BenefitCategory]) throws {
        #expect(try BenefitAmountPolicy().categories(of: F.member(1, born: born), on: day) == expected)
    }

    @Test("category top-ups, highest only by default")
    func topUpsHighest() throws {
        let members = try [
            F.member(1, born: "1950-06-01", disability: .one, work: .none),   // elderly 50, disabled 173.10 → 173.10
            F.member(2, born: "2010-06-01", work: .none, ill: true),          // minor 40, ill 100 → 100
            F.member(3, born: "1985-06-01", disability: .three),              // none
        ]
        let amount = try BenefitAmount.compute(standard: urban, countableIncome: Money(yuan: 900), members: members, on: day,
                                               policy: BenefitAmountPolicy(topUps: Self.topUps))
        #expect(amount.base == Money(yuan: 831))
        #expect(amount.topUps.map(\.category) == [.severelyDisabled, .seriouslyIll])
        #expect(try amount.topUps.map(\.person) == [F.person(1), F.person(2)])
        #expect(try amount.total == F.yuan("1104.10"))
    }

    @Test("category top-ups stack when configured")
    func topUpsStacked() throws {
        let members = try [F.member(1, born: "1950-06-01", disability: .one, work: .none), F.member(2, born: "2010-06-01", work: .none, ill: true)]
        let amount = try BenefitAmount.compute(standard: urban, countableIncome: .zero, members: members, on: day,
                                               policy: BenefitAmountPolicy(topUps: Self.topUps, stacking: .all))
        #expect(amount.topUps.map(\.category) == [.elderly, .severelyDisabled, .minor, .seriouslyIll])
        #expect(try amount.total == Money(yuan: 1154) + F.yuan("363.10"))
    }

    @Test("share-of-standard top-ups round down to the fen")
    func shareRoundsDown() throws {
        // 1/3 of 577.00 = 192.333… → 192.33
        let policy = try BenefitAmountPolicy(topUps: [.elderly: .shareOfStandard(F.ratio(1, 3))])
        let amount = try BenefitAmount.compute(standard: urban, countableIncome: .zero, members: [F.member(1, born: "1940-01-01")], on: day, policy: policy)
        #expect(try amount.topUps.first?.amount == F.yuan("192.33"))
        #expect(try amount.total == F.yuan("769.33"))
    }

    @Test("equal top-ups keep the earlier category")
    func tie() throws {
        let policy = BenefitAmountPolicy(topUps: [.elderly: .fixed(Money(yuan: 50)), .seriouslyIll: .fixed(Money(yuan: 50))])
        let amount = try BenefitAmount.compute(standard: urban, countableIncome: .zero, members: [F.member(1, born: "1940-01-01", ill: true)], on: day, policy: policy)
        #expect(amount.topUps.map(\.category) == [.elderly])
    }

    @Test("from a means-test decision, rural Jingtai")
    func fromDecision() throws {
        let h = try F.household([F.member(1, income: "1000"), F.member(2, relation: .spouse), F.member(3, relation: .child), F.member(4, relation: .child)], area: .rural)
        let decision = try MeansTest(policy: MeansTestPolicy(financialAssetCapPerCapita: Money(yuan: 5000))).evaluate(h, standard: JingtaiStandards.rural2020)
        let amount = try BenefitAmount.compute(decision: decision, members: h.members, on: day, policy: BenefitAmountPolicy())
        #expect(amount.total == Money(yuan: 476))  // 4 × 369 − 1000
    }
}
