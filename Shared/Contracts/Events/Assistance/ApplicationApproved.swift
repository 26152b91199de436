import Foundation

/// `civil.assistance.application-approved.v1`: an application for a social-assistance benefit was
/// approved (审核确认) and a case opened for it.
///
/// Published by Assistance on the decision, by the county or, under devolved approval, the township.
/// Keyed by the application id, closing its `ApplicationSubmitted`; the case's own events
/// (`BenefitGranted` onwards) are keyed by `caseID`. ElderCare and ChildProtection drop the pending
/// application of the people they serve; dashboards count approvals per level.
public struct ApplicationApproved: DomainEvent {
    public static let eventType = EventType(.assistance, "application-approved", version: 1)

    public var applicationID: UUID
    /// The case opened for the approved application.
    public var caseID: UUID
    public var program: AssistanceProgram
    public var applicant: PersonRef
    /// Every person the benefit covers: for 低保, all members of the household; at least one.
    public var recipients: [PersonRef]
    /// The responsible county.
    public var region: RegionCode
    public var approvedOn: CivilDate
    /// The first covered day.
    public var startsOn: CivilDate
    /// The case's monthly amount, in fen (for one-off 临时救助, the amount granted).
    public var monthlyAmount: Money
    public var approvedBy: ApprovalLevel

    public init(applicationID: UUID, caseID: UUID, program: AssistanceProgram, applicant: PersonRef,
                recipients: [PersonRef], region: RegionCode, approvedOn: CivilDate, startsOn: CivilDate,
                monthlyAmount: Money, approvedBy: ApprovalLevel) {
        self.applicationID = applicationID
        self.caseID = caseID
        self.program = program
        self.applicant = applicant
        self.recipients = recipients
        self.region = region
        self.approvedOn = approvedOn
        self.startsOn = startsOn
        self.monthlyAmount = monthlyAmount
        self.approvedBy = approvedBy
    }

    public var aggregateID: String { applicationID.uuidString.lowercased() }
}
