import Contracts
import Testing
import TestKit
@testable import ElderCareDomain

@Suite("Advanced-age allowance (高龄津贴) entitlement", .tags(.unit))
struct AllowanceTests {
    typealias F = ElderCareDomainFixture

    /// 80–89: 100, 90–99: 200, 100+: 500 yuan from 2024-01; raised to 120 / 240 / 600 from 2025-07.
    static func schedule(_ rule: AllowanceSchedule.FirstMonthRule = .monthAfterBirthday) throws -> AllowanceSchedule {
        let first = try AllowanceStandard(effectiveFrom: try F.month("2024-01"), tiers: [
            try AllowanceTier(minimumAge: 90, monthlyAmount: F.yuan(200)),
            try AllowanceTier(minimumAge: 80, monthlyAmount: F.yuan(100)),
            try AllowanceTier(minimumAge: 100, monthlyAmount: F.yuan(500)),
        ])
        let raised = try AllowanceStandard(effectiveFrom: try F.month("2025-07"), tiers: [
            try AllowanceTier(minimumAge: 80, monthlyAmount: F.yuan(120)),
            try AllowanceTier(minimumAge: 90, monthlyAmount: F.yuan(240)),
            try AllowanceTier(minimumAge: 100, monthlyAmount: F.yuan(600)),
        ])
        return try AllowanceSchedule(firstMonthRule: rule, standards: [raised, first])
    }

    static func recipient(born: String, registered: String = "2020-01", died: String? = nil, proofs: [String] = []) throws -> AllowanceRecipient {
        AllowanceRecipient(id: try F.id(born: born), registeredFrom: try F.month(registered), diedOn: try died.map(F.date),
                           proofsOfLife: try proofs.map(F.date))
    }

    static func owed(_ month: String, _ recipient: AllowanceRecipient, _ schedule: AllowanceSchedule,
                     _ proof: ProofOfLifePolicy = .notRequired) throws -> AllowanceMonth {
        AllowanceEntitlement.month(try F.month(month), for: recipient, schedule: schedule, proofOfLife: proof)
    }

    @Test("from the month after the 80th birthday; tiers from the month after the 90th and the 100th",
          arguments: [
            ("1945-03-15", "2025-03", nil, nil), ("1945-03-15", "2025-04", 80, 100), ("1945-03-01", "2025-03", nil, nil),
            ("1945-03-01", "2025-04", 80, 100), ("1945-03-31", "2025-04", 80, 100),
            ("1935-06-10", "2025-06", 80, 100), ("1935-06-10", "2025-07", 90, 240),
            ("1925-01-05", "2025-01", 90, 200), ("1925-01-05", "2025-02", 100, 500), ("1920-01-01", "2025-08", 100, 600),
            ("1936-02-29", "2026-03", 80, 120), ("1936-02-29", "2026-04", 90, 240),
          ] as [(String, String, Int?, Int64?)])
    func tiers(_ born: String, _ month: String, _ tierAge: Int?, _ yuan: Int64?) throws {
        let owed = try Self.owed(month, try Self.recipient(born: born), try Self.schedule())
        if let tierAge, let yuan {
            #expect(owed == .payable(amount: F.yuan(yuan), tierAge: tierAge))
        } else {
            #expect(owed == .notEntitled(.belowEntitlementAge))
            #expect(owed.amount == .zero)
        }
    }

    @Test("a county paying from the birthday month")
    func birthdayMonth() throws {
        let schedule = try Self.schedule(.birthdayMonth)
        let recipient = try Self.recipient(born: "1945-03-31")
        #expect(try Self.owed("2025-02", recipient, schedule) == .notEntitled(.belowEntitlementAge))
        #expect(try Self.owed("2025-03", recipient, schedule) == .payable(amount: F.yuan(100), tierAge: 80))
        #expect(AllowanceEntitlement.firstMonth(for: recipient, schedule: schedule) == (try F.month("2025-03")))
    }

    @Test("the standard in force: none before the first, the raise from its month")
    func standards() throws {
        let schedule = try Self.schedule()
        let recipient = try Self.recipient(born: "1940-01-01")
        #expect(try Self.owed("2023-12", recipient, schedule) == .notEntitled(.noStandardInForce))
        #expect(try Self.owed("2024-01", recipient, schedule).amount == F.yuan(100))
        #expect(try Self.owed("2025-06", recipient, schedule).amount == F.yuan(100))
        #expect(try Self.owed("2025-07", recipient, schedule).amount == F.yuan(120))
        #expect(schedule.standard(in: try F.month("2025-06"))?.effectiveFrom == (try F.month("2024-01")))
        #expect(schedule.standards.map(\.effectiveFrom) == [try F.month("2024-01"), try F.month("2025-07")])
    }

    @Test("paid for the month of death, not from the month after")
    func death() throws {
        let schedule = try Self.schedule()
        let recipient = try Self.recipient(born: "1940-01-01", died: "2025-05-31")
        #expect(try Self.owed("2025-05", recipient, schedule).amount == F.yuan(100))
        #expect(try Self.owed("2025-06", recipient, schedule) == .notEntitled(.afterDeath))
        let diedFirst = try Self.recipient(born: "1940-01-01", died: "2025-06-01")
        #expect(try Self.owed("2025-06", diedFirst, schedule).amount == F.yuan(100))
        #expect(try Self.owed("2025-07", diedFirst, schedule) == .notEntitled(.afterDeath))
    }

    @Test("nothing before the register covers the person")
    func registration() throws {
        let schedule = try Self.schedule()
        let movedIn = try Self.recipient(born: "1940-01-01", registered: "2025-06")
        #expect(try Self.owed("2025-05", movedIn, schedule) == .notEntitled(.beforeRegistration))
        #expect(try Self.owed("2025-06", movedIn, schedule).amount == F.yuan(100))
        #expect(AllowanceEntitlement.firstMonth(for: movedIn, schedule: schedule) == (try F.month("2025-06")))
        #expect(AllowanceEntitlement.firstMonth(for: try Self.recipient(born: "1945-03-15"), schedule: schedule) == (try F.month("2025-04")))
        #expect(AllowanceEntitlement.firstMonth(for: try Self.recipient(born: "1945-03-15", died: "2025-03-20"), schedule: schedule) == nil)
    }

    @Test("an annual proof of life: the first entitled month counts as one; a missed check suspends")
    func proofOfLife() throws {
        let schedule = try Self.schedule()
        let annual = ProofOfLifePolicy.annual
        let none = try Self.recipient(born: "1945-03-15")
        #expect(try Self.owed("2026-03", none, schedule, annual).amount == F.yuan(120))
        #expect(try Self.owed("2026-04", none, schedule, annual) == .suspended(.proofOfLifeMissing))
        #expect(try Self.owed("2026-04", none, schedule, .notRequired).amount == F.yuan(120))
        let onTime = try Self.recipient(born: "1945-03-15", proofs: ["2026-03-20"])
        #expect(try Self.owed("2026-04", onTime, schedule, annual).amount == F.yuan(120))
        #expect(try Self.owed("2027-02", onTime, schedule, annual).amount == F.yuan(120))
        #expect(try Self.owed("2027-03", onTime, schedule, annual) == .suspended(.proofOfLifeMissing))
    }

    @Test("a late proof resumes the allowance and back-pays the suspended months unless the county says not")
    func lateProof() throws {
        let schedule = try Self.schedule()
        let late = try Self.recipient(born: "1945-03-15", proofs: ["2026-06-05"])
        #expect(try Self.owed("2026-04", late, schedule, .annual).amount == F.yuan(120))
        #expect(try Self.owed("2026-06", late, schedule, .annual).amount == F.yuan(120))
        let noBackPay = ProofOfLifePolicy(required: true, backPaysAfterLateProof: false)
        #expect(try Self.owed("2026-04", late, schedule, noBackPay) == .suspended(.proofOfLifeMissing))
        #expect(try Self.owed("2026-05", late, schedule, noBackPay) == .suspended(.proofOfLifeMissing))
        #expect(try Self.owed("2026-06", late, schedule, noBackPay).amount == F.yuan(120))
        #expect(ProofOfLifePolicy(validityMonths: 0).validityMonths == 1)
    }

    @Test("months paid after a (corrected) death are overpaid; the rest are not")
    func overpayments() throws {
        let schedule = try Self.schedule()
        let paid = [try F.month("2025-04"): F.yuan(100), try F.month("2025-05"): F.yuan(100), try F.month("2025-06"): F.yuan(100),
                    try F.month("2025-07"): F.yuan(120)]
        let died = try Self.recipient(born: "1940-01-01", died: "2025-05-20")
        let over = AllowanceEntitlement.overpayments(paid: paid, for: died, schedule: schedule)
        #expect(over.map(\.month) == [try F.month("2025-06"), try F.month("2025-07")])
        #expect(over.map(\.excess) == [F.yuan(100), F.yuan(120)])
        let alive = try Self.recipient(born: "1940-01-01")
        #expect(AllowanceEntitlement.overpayments(paid: paid, for: alive, schedule: schedule).isEmpty)
        let overpaidTier = [try F.month("2025-04"): F.yuan(150)]
        #expect(AllowanceEntitlement.overpayments(paid: overpaidTier, for: alive, schedule: schedule).map(\.excess) == [F.yuan(50)])
    }

    @Test("tiers and standards are validated")
    func validation() throws {
        #expect(F.refusal { () throws(RuleViolation) in try AllowanceTier(minimumAge: 59, monthlyAmount: Money(yuan: 10)) }?.code
            == "allowance.tier-age-invalid")
        #expect(F.refusal { () throws(RuleViolation) in try AllowanceTier(minimumAge: 80, monthlyAmount: .zero) }?.code
            == "allowance.tier-amount-invalid")
        let month = try F.month("2024-01")
        let eighty = try AllowanceTier(minimumAge: 80, monthlyAmount: F.yuan(100))
        let ninety = try AllowanceTier(minimumAge: 90, monthlyAmount: F.yuan(200))
        #expect(F.refusal { () throws(RuleViolation) in try AllowanceStandard(effectiveFrom: month, tiers: []) }?.code == "allowance.tiers-missing")
        #expect(F.refusal { () throws(RuleViolation) in try AllowanceStandard(effectiveFrom: month, tiers: [eighty, eighty]) }?.code
            == "allowance.tier-age-duplicate")
        let standard = try AllowanceStandard(effectiveFrom: month, tiers: [ninety, eighty])
        #expect(standard.tiers.map(\.minimumAge) == [80, 90])
        #expect(standard.tier(forAge: 79) == nil)
        #expect(standard.tier(forAge: 89)?.minimumAge == 80)
        #expect(standard.tier(forAge: 120)?.minimumAge == 90)
        #expect(F.refusal { () throws(RuleViolation) in try AllowanceSchedule(standards: []) }?.code == "allowance.standards-missing")
        #expect(F.refusal { () throws(RuleViolation) in try AllowanceSchedule(standards: [standard, standard]) }?.code
            == "allowance.standard-month-duplicate")
        let fromNinety = try AllowanceStandard(effectiveFrom: month, tiers: [ninety])
        #expect(F.refusal { () throws(RuleViolation) in try AllowanceSchedule(standards: [fromNinety]) }?.code
            == "allowance.tier-not-at-entitlement-age")
        #expect(try AllowanceSchedule(entitlementAge: 90, standards: [fromNinety]).entitlementAge == 90)
        #expect(AllowanceSchedule.defaultEntitlementAge == 80)
    }
}
