import Contracts

/// Local configuration of the application workflow.
public struct WorkflowPolicy: Sendable, Hashable, Codable {
    /// Length of the public notice in days (default 7, national practice: 民发〔2021〕57号). The notice
    /// starting on day D covers D … D+(n−1) and may be closed from D+n.
    public var noticeDays: Int
    /// Whether approval is devolved to the township (《景泰县“十四五”民政事业发展规划》第三章（一）2). Exactly one authority may
    /// approve: the township when devolved, otherwise the county.
    public var approvalDevolvedToTownship: Bool
    /// Whether an objection during the notice voids the home-visit record, so that review must
    /// visit again (default false: the objection is re-examined on the existing record).
    public var objectionRequiresNewHomeVisit: Bool

    /// Refuses a notice shorter than one day (`application.notice-days-invalid`).
    public init(noticeDays: Int = 7, approvalDevolvedToTownship: Bool = false,
                objectionRequiresNewHomeVisit: Bool = false) throws(RuleViolation) {
        guard noticeDays >= 1 else {
            throw RuleViolation.invalid("application.notice-days-invalid", "a public notice lasts at least one day, got \(noticeDays)")
        }
        self.noticeDays = noticeDays
        self.approvalDevolvedToTownship = approvalDevolvedToTownship
        self.objectionRequiresNewHomeVisit = objectionRequiresNewHomeVisit
    }

    /// The only authority that may approve under this policy.
    public var approvingAuthority: ApprovalAuthority { approvalDevolvedToTownship ? .township : .county }
}
