import Foundation

/// `civil.assistance.application-rejected.v1`: an application for a social-assistance benefit was
/// refused.
///
/// Published by Assistance on the decision; the applicant is told the reason in writing. Keyed by
/// the application id, closing its `ApplicationSubmitted`. ElderCare and ChildProtection drop the
/// pending application of the people they serve (and may look at other support); low-income
/// monitoring keeps watching a household refused narrowly.
public struct ApplicationRejected: DomainEvent {
    public static let eventType = EventType(.assistance, "application-rejected", version: 1)

    public var applicationID: UUID
    public var program: AssistanceProgram
    public var applicant: PersonRef
    /// The responsible county.
    public var region: RegionCode
    public var rejectedOn: CivilDate
    /// A stable code for the reason (e.g. `"means-test.income-above-standard"`).
    public var reasonCode: String
    /// The reason as given to the applicant.
    public var reason: String

    public init(applicationID: UUID, program: AssistanceProgram, applicant: PersonRef, region: RegionCode,
                rejectedOn: CivilDate, reasonCode: String, reason: String) {
        self.applicationID = applicationID
        self.program = program
        self.applicant = applicant
        self.region = region
        self.rejectedOn = rejectedOn
        self.reasonCode = reasonCode
        self.reason = reason
    }

    public var aggregateID: String { applicationID.uuidString.lowercased() }
}
