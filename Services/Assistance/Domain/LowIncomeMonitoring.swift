import Contracts

/// Which households a risk signal concerns, and what the lead tells the caseworker.
public enum LowIncomeMonitoring {
    /// The status a lead gives the household: a recipient (a case `active`, `exiting` or
    /// `suspended`) first, else near-低保 as verification found it; nil raises no lead.
    public static func leadStatus(receivesAssistance: Bool, nearLowIncome: Bool) -> HouseholdRiskStatus? {
        if receivesAssistance { return .recipient }
        return nearLowIncome ? .nearLowIncome : nil
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
