import Contracts
import Foundation

/// How a case follows the Registry's death records.
///
/// - A death is paid to the end of its month; from the month after, a sole recipient's case is
///   suspended, and a larger household loses the member and is paid the amount recomputed for
///   the others (or keeps its amount and is reviewed when they no longer qualify).
/// - A corrected date moves the departure; an annulled death undoes it (the amount in force
///   before it applies again, and a larger household is reviewed).
///
/// What was paid meanwhile is settled afterwards by ``PaymentReconciliation``. These are rules of
/// this service: the policy documents do not say how a death reaches a case.
extension BenefitCase {
    /// The first month not paid for a person who died on `date`: the month after the death.
    public static func firstMonthWithout(diedOn date: CivilDate) -> YearMonth { date.yearMonth.next }

    public func covers(_ person: PersonRef) -> Bool { recipients.contains(person) }

    public func isSoleRecipient(_ person: PersonRef) -> Bool { recipients == [person] }

    /// The recipients left when `person` leaves.
    public func recipients(without person: PersonRef) -> [PersonRef] { recipients.filter { $0 != person } }

    /// What a recorded death changed.
    public struct DeathOutcome: Sendable, Equatable {
        public let departure: Departure
        /// A larger household whose remaining members no longer qualify: a caseworker reviews it.
        public let needsReview: Bool
    }

    /// Applies the death of `person`, a recipient. `remainingAmount` is the amount the other
    /// recipients qualify for from the month after the death (see
    /// ``BenefitAmount/remainingHousehold(_:area:standard:from:policy:)``); nil for a sole
    /// recipient, or when the others no longer qualify.
    public mutating func recordDeath(of person: PersonRef, on date: CivilDate, eventID: UUID, remainingAmount: Money?) -> DeathOutcome {
        let fromMonth = Self.firstMonthWithout(diedOn: date)
        let sole = isSoleRecipient(person)
        let departure = Departure(person: person, dateOfDeath: date, fromMonth: fromMonth, soleRecipient: sole,
                                  amountBeforeFen: terms.monthlyAmount.fen, eventID: eventID)
        departed.append(departure)
        if sole {
            terms = terms.suspended(from: fromMonth)
            status = .suspended
            suspensionReason = "death"
            return DeathOutcome(departure: departure, needsReview: false)
        }
        recipients.removeAll { $0 == person }
        terms = terms.changingAmount(to: remainingAmount ?? terms.monthlyAmount, from: fromMonth)
        return DeathOutcome(departure: departure, needsReview: remainingAmount == nil)
    }

    /// Moves the departure of `person` to a corrected date of death, and returns the first month
    /// without the person as it was before; nil when the case recorded no death of `person`.
    public mutating func correctDeath(of person: PersonRef, to date: CivilDate) -> YearMonth? {
        guard let index = departed.firstIndex(where: { $0.person == person }) else { return nil }
        let fromMonth = Self.firstMonthWithout(diedOn: date)
        let previousFrom = departed[index].fromMonth
        departed[index].dateOfDeath = date
        departed[index].fromMonth = fromMonth
        terms = departed[index].soleRecipient
            ? terms.suspended(from: fromMonth)
            : terms.movingChange(from: previousFrom, to: fromMonth)
        return previousFrom
    }

    /// Undoes the departure of `person` (the death record was annulled) and returns it; nil when
    /// the case recorded no death of `person`. A larger household gets the person back at the
    /// amount in force before, and is reviewed (``Departure/soleRecipient`` false).
    public mutating func annulDeath(of person: PersonRef) -> Departure? {
        guard let index = departed.firstIndex(where: { $0.person == person }) else { return nil }
        let departure = departed.remove(at: index)
        if departure.soleRecipient {
            terms = terms.suspended(from: nil)
            status = .active
            suspensionReason = nil
        } else {
            recipients.append(person)
            terms = terms.revertingChange(from: departure.fromMonth)
        }
        return departure
    }
}

extension BenefitAmount {
    /// The 低保 amount of the members left after a death, from `month`; nil when they no longer
    /// qualify (their income is not below the line), so a caseworker reviews the household.
    /// 特困 cases are individual, so they never get here.
    public static func remainingHousehold(_ remaining: [Member], area: UrbanRural, standard: AssistanceStandard, from month: YearMonth,
                                          policy: AssistancePolicy) throws(RuleViolation) -> Money? {
        guard !remaining.isEmpty else { return nil }
        let income = try MeansTest(policy: policy.meansTest).countableIncome(of: remaining, area: area)
        do {
            return try compute(standard: standard.minimumLivingAllowance, countableIncome: income.countable, members: remaining,
                               on: month.firstDay, policy: policy.amount).total
        } catch where error.code == "benefit.income-not-below-standard" {
            return nil
        }
    }
}
