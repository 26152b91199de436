import Foundation

/// `civil.monitoring.risk-signal-reported.v1`: a partner agency reported a signal that a person
/// may be falling into hardship (e.g. a large out-of-pocket medical bill, a new disability
/// registration, registered unemployment).
///
/// Published by the partner agencies' gateways (medical insurance, disabled persons' federation,
/// employment services), not by a service of this suite. Keyed by the signal id: signals are
/// independent facts, and a resent signal keeps its id so consumers can drop the duplicate.
/// Assistance's low-income monitoring matches the person to a recipient or near-low-income
/// household and publishes `LowIncomeRiskDetected`, or, for anyone else, raises a lead for
/// outreach and publishes `OutreachLeadRaised`.
public struct RiskSignalReported: DomainEvent {
    public static let eventType = EventType(.monitoring, "risk-signal-reported", version: 1)

    public var signalID: UUID
    public var person: PersonRef
    public var kind: RiskSignalKind
    public var reportedOn: CivilDate
    /// The reporting agency (e.g. `"medical-insurance"`, `"disabled-persons-federation"`,
    /// `"employment-services"`).
    public var agency: String
    /// The amount behind the signal, in fen, if any (e.g. the out-of-pocket medical expense).
    public var amount: Money?
    /// Free-text detail from the agency, if any; never names or ID numbers.
    public var detail: String?
    /// Where the agency places the person (the county or township of its registration), if it
    /// says: an outreach lead about someone Assistance does not know is raised there. Absent from
    /// signals of gateways that predate it.
    public var region: RegionCode?

    public init(signalID: UUID, person: PersonRef, kind: RiskSignalKind, reportedOn: CivilDate, agency: String,
                amount: Money?, detail: String?, region: RegionCode? = nil) {
        self.signalID = signalID
        self.person = person
        self.kind = kind
        self.reportedOn = reportedOn
        self.agency = agency
        self.amount = amount
        self.detail = detail
        self.region = region
    }

    public var aggregateID: String { signalID.uuidString.lowercased() }
}
