import Contracts
import Foundation

/// The monthly payment roster (发放清册) of a region, as a pure computation: every allowance of
/// the suite is paid this way.
///
/// Rules (of the suite; the policy documents do not state them): each beneficiary is paid, once
/// per program and month, what its ``PaymentTerms`` say is due that month; a month already paid
/// (by a roster or a back-payment) is never paid again, so a re-run pays nobody twice; a roster
/// for a region pays the beneficiaries of the counties under its code. The roster is the audit
/// artefact compared against base data and approvals ("平台发放清册等数据比对",
/// 《2020年成都市民政工作要点》第17点).
///
/// The shared store (`RosterGeneration` in the RosterStore target) applies the same rules in
/// SQL for a million beneficiaries at a time; each program's parity test keeps both equal.
public enum PaymentRoster {
    /// One payment: a beneficiary's program, for one month.
    public struct Payment: Sendable, Hashable {
        public let beneficiaryID: UUID
        public let program: String
        public let region: RegionCode
        public let month: YearMonth
        public let amount: Money
    }

    /// Why a beneficiary gets no payment on this roster.
    public enum SkipReason: Sendable, Hashable {
        /// Its terms owe nothing this month.
        case notDue(NotDue)
        /// The month was paid already.
        case alreadyPaid
        /// Its region is not under the roster's.
        case outsideRegion
    }

    public struct Skip: Sendable, Hashable {
        public let beneficiaryID: UUID
        public let program: String
        public let reason: SkipReason
    }

    /// Payments and total of one program on a roster.
    public struct ProgramTotal: Sendable, Hashable, Codable {
        public var program: String
        public var payments: Int
        public var total: Money

        public init(program: String, payments: Int, total: Money) {
            self.program = program
            self.payments = payments
            self.total = total
        }
    }

    public struct Result: Sendable, Hashable {
        public let month: YearMonth
        /// In the order of the entitlements given.
        public let payments: [Payment]
        public let skipped: [Skip]
        /// Programs with at least one payment, by program name.
        public let programs: [ProgramTotal]
        public let total: Money
    }

    /// What the roster does for one beneficiary and month.
    public enum Decision: Sendable, Hashable {
        case pay(Money)
        case skip(SkipReason)
    }

    /// The code prefix every county of `region` starts with: the whole code for a county, four
    /// digits for a city, two for a province. A roster for `region` pays the beneficiaries of those
    /// counties; a township's or village's roster is its county's.
    public static func regionPrefix(of region: RegionCode) -> String {
        let code = region.county.rawValue
        if code.hasSuffix("0000") { return String(code.prefix(2)) }
        if code.hasSuffix("00") { return String(code.prefix(4)) }
        return code
    }

    /// Pay what is due for `month`, unless that month was paid already.
    public static func decide(_ entitlement: RosterEntitlement, month: YearMonth) -> Decision {
        if let reason = entitlement.terms.notDue(in: month) { return .skip(.notDue(reason)) }
        if entitlement.paid[month] != nil { return .skip(.alreadyPaid) }
        return .pay(entitlement.terms.amount(in: month))
    }

    /// The roster for `month` of the beneficiaries under `region` (nil: all of them).
    /// Refuses `roster.duplicate-entitlement` when a beneficiary appears twice for one program,
    /// and `money.overflow` when a total overflows.
    public static func compute(_ entitlements: [RosterEntitlement], month: YearMonth,
                               region: RegionCode? = nil) throws(RuleViolation) -> Result {
        let prefix = region.map(regionPrefix(of:))
        var seen = Set<ProgramBeneficiary>()
        var payments: [Payment] = []
        var skipped: [Skip] = []
        var programs: [String: ProgramTotal] = [:]
        var total = Money.zero
        payments.reserveCapacity(entitlements.count)

        for item in entitlements {
            guard seen.insert(ProgramBeneficiary(program: item.program, beneficiaryID: item.beneficiaryID)).inserted else {
                throw RuleViolation.invalid("roster.duplicate-entitlement",
                                            "beneficiary \(item.beneficiaryID) appears twice for \(item.program)")
            }
            let decision: Decision = if let prefix, !item.region.rawValue.hasPrefix(prefix) {
                .skip(.outsideRegion)
            } else {
                decide(item, month: month)
            }
            switch decision {
            case .skip(let reason):
                skipped.append(Skip(beneficiaryID: item.beneficiaryID, program: item.program, reason: reason))
            case .pay(let amount):
                payments.append(Payment(beneficiaryID: item.beneficiaryID, program: item.program, region: item.region,
                                        month: month, amount: amount))
                var program = programs[item.program] ?? ProgramTotal(program: item.program, payments: 0, total: .zero)
                program.payments += 1
                program.total = try sum(program.total, amount)
                programs[item.program] = program
                total = try sum(total, amount)
            }
        }
        return Result(month: month, payments: payments, skipped: skipped,
                      programs: programs.values.sorted { $0.program < $1.program }, total: total)
    }

    /// `a + b`, an overflow refused as `money.overflow`.
    private static func sum(_ a: Money, _ b: Money) throws(RuleViolation) -> Money {
        do { return try a.adding(b) } catch { throw RuleViolation.invalid(error.code, error.description) }
    }

    /// What a roster pays at most once a month: one program's payment to one beneficiary.
    private struct ProgramBeneficiary: Hashable {
        let program: String
        let beneficiaryID: UUID
    }
}
