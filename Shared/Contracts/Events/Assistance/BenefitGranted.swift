import Foundation

/// `civil.assistance.benefit-granted.v1`: Assistance granted a social-assistance benefit (低保,
/// 特困供养 or 临时救助) to a case.
///
/// Published by Assistance when a case is approved. Keyed by the case id, so the case's grant and
/// termination stay in order. The Registry keeps who is covered by 低保 or 特困 on which days, for
/// its free-basic-funeral rule; ElderCare and ChildProtection note the coverage of the people they serve.
public struct BenefitGranted: DomainEvent {
    public static let eventType = EventType(.assistance, "benefit-granted", version: 1)

    public var caseID: UUID
    public var program: AssistanceProgram
    /// Every person the benefit covers: for 低保, all members of the household; at least one.
    public var recipients: [PersonRef]
    /// The region of the case (the household's registered residence).
    public var region: RegionCode
    /// The first covered day.
    public var startsOn: CivilDate
    /// The case's monthly amount, in fen (for one-off 临时救助, the amount granted).
    public var monthlyAmount: Money
    /// The id of the event that caused the grant, if any; absent for an application handled by hand.
    public var causationEventID: UUID?

    public init(caseID: UUID, program: AssistanceProgram, recipients: [PersonRef], region: RegionCode,
                startsOn: CivilDate, monthlyAmount: Money, causationEventID: UUID?) {
        self.caseID = caseID
        self.program = program
        self.recipients = recipients
        self.region = region
        self.startsOn = startsOn
        self.monthlyAmount = monthlyAmount
        self.causationEventID = causationEventID
    }

    public var aggregateID: String { caseID.uuidString.lowercased() }
}
