import Foundation

/// `civil.assistance.disability-subsidy-application-submitted.v1`: a township took in an
/// application for one of the disability two subsidies (残疾人两项补贴).
///
/// Published by Assistance at the one-door intake (一门受理, the same township window as 低保).
/// Keyed by the application id; the county's decision follows as `disability-subsidy-granted`
/// (with this `applicationID`) or `disability-subsidy-application-rejected`. The statistics
/// count applications per county and program, and the time to a decision.
public struct DisabilitySubsidyApplicationSubmitted: DomainEvent {
    public static let eventType = EventType(.assistance, "disability-subsidy-application-submitted", version: 1)

    public var applicationID: UUID
    public var program: DisabilitySubsidyProgram
    /// The disabled person.
    public var applicant: PersonRef
    /// The county that decides and pays.
    public var region: RegionCode
    /// The township that took the application in.
    public var intakeRegion: RegionCode
    public var submittedOn: CivilDate

    public init(applicationID: UUID, program: DisabilitySubsidyProgram, applicant: PersonRef, region: RegionCode,
                intakeRegion: RegionCode, submittedOn: CivilDate) {
        self.applicationID = applicationID
        self.program = program
        self.applicant = applicant
        self.region = region
        self.intakeRegion = intakeRegion
        self.submittedOn = submittedOn
    }

    public var aggregateID: String { applicationID.uuidString.lowercased() }
}
