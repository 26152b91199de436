import Foundation

/// `civil.assistance.disability-subsidy-application-rejected.v1`: the county refused an
/// application for one of the disability two subsidies.
///
/// Published by Assistance on the decision; the applicant is told the reason in writing. Keyed by
/// the application id, closing its `disability-subsidy-application-submitted`.
public struct DisabilitySubsidyApplicationRejected: DomainEvent {
    public static let eventType = EventType(.assistance, "disability-subsidy-application-rejected", version: 1)

    public var applicationID: UUID
    public var program: DisabilitySubsidyProgram
    public var applicant: PersonRef
    /// The county that decided.
    public var region: RegionCode
    public var rejectedOn: CivilDate
    /// A stable code for the reason (e.g. `"certificate-expired"`).
    public var reasonCode: String
    /// The reason as given to the applicant.
    public var reason: String

    public init(applicationID: UUID, program: DisabilitySubsidyProgram, applicant: PersonRef, region: RegionCode,
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
