import Foundation

/// `civil.registry.divorce-withdrawn.v1`: a divorce application ended without a divorce, withdrawn
/// by a party or deemed withdrawn when the registration window passed.
///
/// Published by the Registry. Keyed by the marriage id, after the `DivorceApplied` it closes.
/// Consumers that noted the pending application drop it; the marriage continues unchanged.
public struct DivorceWithdrawn: DomainEvent {
    public static let eventType = EventType(.registry, "divorce-withdrawn", version: 1)

    public var applicationID: UUID
    public var marriageID: UUID
    public var withdrawnOn: CivilDate
    public var reason: DivorceWithdrawalReason
    /// The party who withdrew, when `reason` is `.party`; absent for `.expired`.
    public var byParty: PersonRef?

    public init(applicationID: UUID, marriageID: UUID, withdrawnOn: CivilDate, reason: DivorceWithdrawalReason,
                byParty: PersonRef?) {
        self.applicationID = applicationID
        self.marriageID = marriageID
        self.withdrawnOn = withdrawnOn
        self.reason = reason
        self.byParty = byParty
    }

    public var aggregateID: String { marriageID.uuidString.lowercased() }
}
