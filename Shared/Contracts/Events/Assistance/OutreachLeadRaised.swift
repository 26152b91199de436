import Foundation

/// `civil.assistance.outreach-lead-raised.v1`: low-income monitoring raised a lead for outreach
/// (主动发现) about a person in no household Assistance pays or watches — unknown to it, or known
/// only in a household that receives no assistance and is not near the 低保 line.
///
/// Why: seed 003 asks to watch everyone whose basic living is at risk from large rigid
/// expenditure or a sharp loss of income (刚性支出较大或收入大幅缩减, 《景泰县“十四五”民政事业发展规划》第三章（一）1),
/// and seed 001 to find and help those eligible (主动发现, 济民发〔2022〕3号 第43项), not only the
/// recipients already known.
///
/// Published by Assistance, in reaction to a partner agency's `RiskSignalReported` (whose event id
/// is then `causationEventID`) or to one reported over its API. Keyed by the person ref, so the
/// outreach leads about one person, their follow-ups and closure stay in order. ElderCare and
/// ChildProtection may know the person; dashboards count outreach per region.
public struct OutreachLeadRaised: DomainEvent {
    public static let eventType = EventType(.assistance, "outreach-lead-raised", version: 1)

    public var leadID: UUID
    /// The person the signal is about.
    public var person: PersonRef
    /// Where the lead is followed up: the region the agency gave, else that of a household the
    /// person is known in, else the reporting officer's or the configured outreach region.
    public var region: RegionCode
    public var signal: RiskSignalKind
    /// Why the lead was raised and what to do, for the social worker.
    public var explanation: String
    public var detectedOn: CivilDate
    /// The id of the event that caused the lead (normally a `RiskSignalReported`), if any.
    public var causationEventID: UUID?

    public init(leadID: UUID, person: PersonRef, region: RegionCode, signal: RiskSignalKind, explanation: String,
                detectedOn: CivilDate, causationEventID: UUID?) {
        self.leadID = leadID
        self.person = person
        self.region = region
        self.signal = signal
        self.explanation = explanation
        self.detectedOn = detectedOn
        self.causationEventID = causationEventID
    }

    public var aggregateID: String { person.rawValue }
}
