import Foundation

/// `civil.assistance.application-submitted.v1`: a household applied for a social-assistance
/// benefit (低保, 特困供养 or 临时救助).
///
/// Published by Assistance when an application is accepted for processing, whichever township took
/// it in under 一门受理 (one-window intake: any township accepts and forwards to the responsible
/// county). Keyed by the application id, so its verification and decision follow it in order.
/// ElderCare and ChildProtection note pending applications of the people they serve; the Registry
/// does not consume it.
public struct ApplicationSubmitted: DomainEvent {
    public static let eventType = EventType(.assistance, "application-submitted", version: 1)

    public var applicationID: UUID
    public var program: AssistanceProgram
    /// The person who applied on the household's behalf; also one of `members`.
    public var applicant: PersonRef
    /// The whole household, applicant included; at least one.
    public var members: [PersonRef]
    /// The responsible county (the household's registered residence, or where the emergency happened).
    public var region: RegionCode
    /// The township that accepted the application (一门受理); may lie outside `region`.
    public var intakeRegion: RegionCode
    public var submittedOn: CivilDate

    public init(applicationID: UUID, program: AssistanceProgram, applicant: PersonRef, members: [PersonRef],
                region: RegionCode, intakeRegion: RegionCode, submittedOn: CivilDate) {
        self.applicationID = applicationID
        self.program = program
        self.applicant = applicant
        self.members = members
        self.region = region
        self.intakeRegion = intakeRegion
        self.submittedOn = submittedOn
    }

    public var aggregateID: String { applicationID.uuidString.lowercased() }
}
