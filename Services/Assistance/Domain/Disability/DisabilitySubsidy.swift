import Contracts
import Foundation

/// One subsidy granted to one person: what is paid each month, and how it ends.
///
/// - Granted from a month at the county's amounts (``DisabilitySubsidySchedule``), re-rated when the
///   county publishes a new amount.
/// - Eligibility ends (the household leaves 低保, a certificate is regraded): 渐退, paid the
///   policy's months more, then nothing ("探索建立残疾人“两项补贴”渐退机制", 济民发〔2022〕3号 第28项); once
///   its last month has passed the subsidy has ended, and the person may be granted the kind again.
/// - A death stops it from the month after (as a 低保 case: ``BenefitCase/firstMonthWithout(diedOn:)``);
///   a corrected date moves the stop, an annulment lifts it. What was paid after the stop is
///   recovered by the shared roster's reconciliation.
public struct DisabilitySubsidy: Sendable, Hashable {
    public let id: UUID
    public let person: PersonRef
    public let region: RegionCode
    public let kind: DisabilitySubsidyKind
    public let basis: DisabilitySubsidyBasis
    public private(set) var terms: CaseTerms
    public private(set) var status: DisabilitySubsidyStatus
    public private(set) var exit: GradualExit?
    /// The date of death that stopped the subsidy.
    public private(set) var diedOn: CivilDate?

    public init(id: UUID, person: PersonRef, region: RegionCode, kind: DisabilitySubsidyKind, basis: DisabilitySubsidyBasis,
                terms: CaseTerms, status: DisabilitySubsidyStatus = .active, exit: GradualExit? = nil, diedOn: CivilDate? = nil) {
        self.id = id
        self.person = person
        self.region = region
        self.kind = kind
        self.basis = basis
        self.terms = terms
        self.status = status
        self.exit = exit
        self.diedOn = diedOn
    }

    /// Grants `kind` to a person whose eligibility was checked for `firstMonth`
    /// (``DisabilitySubsidyEligibility/check(_:certificate:facts:in:policy:)``), at the county's amounts.
    public static func grant(id: UUID, person: PersonRef, kind: DisabilitySubsidyKind, basis: DisabilitySubsidyBasis,
                             firstMonth: YearMonth, schedule: DisabilitySubsidySchedule) throws(RuleViolation) -> DisabilitySubsidy {
        guard let region = schedule.standards.first?.region, schedule.standards.first?.kind == kind else {
            throw RuleViolation("disability-standard.missing", "no \(kind.rawValue) subsidy amount is set in this county")
        }
        return DisabilitySubsidy(id: id, person: person, region: region, kind: kind, basis: basis, terms: try schedule.terms(from: firstMonth))
    }

    /// A new amount from `month` (a standard published for this county and subsidy). Months before
    /// keep their amounts; nothing changes for a stopped subsidy or one whose payments end earlier.
    public mutating func rerate(to amount: Money, from month: YearMonth) -> Bool {
        guard status != .stopped, terms.lastMonth.map({ month <= $0 }) ?? true else { return false }
        let before = terms
        terms = terms.changingAmount(to: amount, from: month)
        return terms != before
    }

    /// Eligibility ended, established in `month`: 渐退 over `months` (the policy's), returned; nil
    /// when the subsidy is already exiting or stopped (a repeated notice changes nothing).
    public mutating func beginExit(determinedIn month: YearMonth, months: Int) throws(RuleViolation) -> GradualExit? {
        guard status == .active else { return nil }
        let exit = try GradualExit(determinedIn: month, months: months)
        self.exit = exit
        terms = terms.ending(after: exit.lastPaidMonth)
        status = .exiting
        return exit
    }

    /// The 渐退 has run its course by `month` (its last paid month lies before it): the subsidy
    /// ends, and no longer blocks a new grant of its kind. False when it is not exiting, or is
    /// still paid in `month` or later.
    public mutating func endExit(before month: YearMonth) -> Bool {
        guard status == .exiting, let last = terms.lastMonth, last < month else { return false }
        status = .ended
        return true
    }

    /// The death of the recipient: nothing is due from the month after; returns that month, or nil
    /// when the same death was already recorded (duplicate delivery).
    public mutating func recordDeath(on date: CivilDate) -> YearMonth? {
        guard diedOn != date else { return nil }
        let from = BenefitCase.firstMonthWithout(diedOn: date)
        diedOn = date
        terms = terms.suspended(from: from)
        status = .stopped
        return from
    }

    /// The death record was annulled: payments resume (what the suspension withheld is back-paid by
    /// the roster), exiting again when a 渐退 was under way (``endExit(before:)`` then tells whether
    /// it has run its course meanwhile). Returns false when no death was recorded.
    public mutating func annulDeath() -> Bool {
        guard diedOn != nil else { return false }
        diedOn = nil
        terms = terms.suspended(from: nil)
        status = exit == nil ? .active : .exiting
        return true
    }

    /// The first month not paid because of the death; nil while none is recorded.
    public var stoppedFrom: YearMonth? { diedOn.map(BenefitCase.firstMonthWithout(diedOn:)) }
}
