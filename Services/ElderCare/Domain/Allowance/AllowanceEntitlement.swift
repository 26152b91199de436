import Contracts

/// Who is entitled to which advanced-age allowance (高龄津贴) for a month: a pure function of the
/// person, the schedule and the proof-of-life policy. The monthly roster pays what it says; this
/// type pays nothing itself.
///
/// In order:
/// 1. nothing from the month after death: "stops from the month after death" — the month of death
///    is paid in full (the same rule as Assistance's cases; service rule, the seeds are silent);
/// 2. nothing before the first month the register covers (``AllowanceRecipient/registeredFrom``);
/// 3. nothing before the first standard;
/// 4. nothing below the entitlement age as the schedule counts it (the month after the birthday);
/// 5. the tier of the counted age in the standard in force;
/// 6. suspended when a proof of life is required and none covers the month (``ProofOfLifePolicy``).
public enum AllowanceEntitlement {
    public static func month(_ month: YearMonth, for recipient: AllowanceRecipient, schedule: AllowanceSchedule,
                             proofOfLife: ProofOfLifePolicy = .notRequired) -> AllowanceMonth {
        if let died = recipient.diedOn, month > died.yearMonth { return .notEntitled(.afterDeath) }
        guard month >= recipient.registeredFrom else { return .notEntitled(.beforeRegistration) }
        guard let standard = schedule.standard(in: month) else { return .notEntitled(.noStandardInForce) }
        let age = schedule.countedAge(bornOn: recipient.birthDate, in: month)
        guard let tier = standard.tier(forAge: age) else { return .notEntitled(.belowEntitlementAge) }
        if proofOfLife.required, !isCovered(month, recipient: recipient, schedule: schedule, policy: proofOfLife) {
            return .suspended(.proofOfLifeMissing)
        }
        return .payable(amount: tier.monthlyAmount, tierAge: tier.minimumAge)
    }

    /// The first month the person is entitled to anything: the later of the month the entitlement
    /// age counts from and the first month on the register (nil when they died before it).
    public static func firstMonth(for recipient: AllowanceRecipient, schedule: AllowanceSchedule) -> YearMonth? {
        let first = max(schedule.firstMonth(reaching: schedule.entitlementAge, bornOn: recipient.birthDate), recipient.registeredFrom)
        if let died = recipient.diedOn, first > died.yearMonth { return nil }
        return first
    }

    /// Of the months already paid, those the person is no longer owed (paid after death, before a
    /// corrected date of death, or at more than the entitlement): each with what was paid and what
    /// is owed. The service turns them into a recovery claim; months owed but not paid are paid by
    /// the next roster (a death annulled is back-paid that way).
    public static func overpayments(paid: [YearMonth: Money], for recipient: AllowanceRecipient, schedule: AllowanceSchedule,
                                    proofOfLife: ProofOfLifePolicy = .notRequired) -> [AllowanceOverpayment] {
        paid.keys.sorted().compactMap { month in
            let owed = Self.month(month, for: recipient, schedule: schedule, proofOfLife: proofOfLife).amount
            let amount = paid[month] ?? .zero
            return amount > owed ? AllowanceOverpayment(month: month, paid: amount, owed: owed) : nil
        }
    }

    /// Whether a proof of life covers `month`: the first entitled month counts as one (the grant
    /// checked the person), and a check covers its own month and the next `validityMonths - 1`.
    /// A later check covers the months before it too when the policy back-pays.
    static func isCovered(_ month: YearMonth, recipient: AllowanceRecipient, schedule: AllowanceSchedule, policy: ProofOfLifePolicy) -> Bool {
        var anchors = recipient.proofsOfLife.map(\.yearMonth)
        if let first = firstMonth(for: recipient, schedule: schedule) { anchors.append(first) }
        if anchors.contains(where: { $0 <= month && month.monthsSince($0) < policy.validityMonths }) { return true }
        return policy.backPaysAfterLateProof && recipient.proofsOfLife.contains { $0.yearMonth > month }
    }
}
