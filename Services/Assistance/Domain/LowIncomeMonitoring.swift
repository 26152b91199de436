import Contracts

/// Which households a risk signal concerns, where a lead for outreach goes when it concerns none,
/// and what each lead tells the caseworker.
public enum LowIncomeMonitoring {
    /// The status a lead gives the household: a recipient (a case `active`, `exiting` or
    /// `suspended`) first, else near-低保 as verification found it; nil raises no lead.
    public static func leadStatus(receivesAssistance: Bool, nearLowIncome: Bool) -> HouseholdRiskStatus? {
        if receivesAssistance { return .recipient }
        return nearLowIncome ? .nearLowIncome : nil
    }

    /// Where an outreach lead is followed up, most precise first: the region the agency gave
    /// with the signal; else the region of a household the person is known in (the first of
    /// `knownHouseholds`); else `fallback` (the reporting officer's region for a signal reported
    /// over the API, the configured outreach region for one from the topic). Nil when none is known:
    /// then no lead can be placed.
    public static func outreachRegion(reported: RegionCode?, knownHouseholds: [RegionCode], fallback: RegionCode?) -> RegionCode? {
        reported ?? knownHouseholds.first ?? fallback
    }

    /// The explanation an outreach lead carries: who reported what, about whom, and what to do
    /// (find the person, assess, help to apply).
    public static func outreachExplanation(of signal: RiskSignalReported, knownHousehold: Bool) -> String {
        let person = knownHousehold
            ? "a person in a household that receives no assistance and is not near-低保"
            : "a person not known to Assistance"
        let amount = signal.amount.map { " of \($0) yuan" } ?? ""
        return "\(signal.agency) reported \(signal.kind.rawValue)\(amount) on \(signal.reportedOn) for \(person); "
            + "their basic living may be at risk: reach out, assess and help them apply if eligible (主动发现)."
            + (signal.detail.map { " Detail: \($0)" } ?? "")
    }

    /// The explanation a lead carries: who reported what, about which kind of household, and
    /// what to do (visit and re-verify).
    public static func explanation(of signal: RiskSignalReported, status: HouseholdRiskStatus) -> String {
        let household = status == .recipient ? "a household receiving assistance" : "a near-低保 household (income below the 低保边缘 line)"
        let amount = signal.amount.map { " of \($0) yuan" } ?? ""
        return "\(signal.agency) reported \(signal.kind.rawValue)\(amount) on \(signal.reportedOn) for a member of \(household); "
            + "the household may fall into hardship: visit and re-verify (主动发现)."
            + (signal.detail.map { " Detail: \($0)" } ?? "")
    }
}
