import Foundation

/// `civil.registry.divorce-applied.v1`: both parties applied to the Registry for divorce by
/// agreement (离婚登记申请), which starts the 30-day cooling-off period (离婚冷静期, Civil Code
/// art. 1077).
///
/// Published by the Registry when it accepts a joint application. Keyed by the marriage id, so the
/// application, its withdrawal and the divorce stay in order. Nothing changes for the parties yet:
/// consumers note the pending application (Assistance may schedule a household review), and the
/// marriage still stands until `DivorceRegistered`.
public struct DivorceApplied: DomainEvent {
    public static let eventType = EventType(.registry, "divorce-applied", version: 1)

    public var applicationID: UUID
    public var marriageID: UUID
    public var partyA: PersonRef
    public var partyB: PersonRef
    public var appliedOn: CivilDate
    /// The last day of the cooling-off period, inclusive; either party may withdraw until then.
    public var coolingOffEndsOn: CivilDate
    /// The last day, inclusive, on which both parties may come to register the divorce; after it the
    /// application is deemed withdrawn.
    public var registrationWindowEndsOn: CivilDate

    public init(applicationID: UUID, marriageID: UUID, partyA: PersonRef, partyB: PersonRef, appliedOn: CivilDate,
                coolingOffEndsOn: CivilDate, registrationWindowEndsOn: CivilDate) {
        self.applicationID = applicationID
        self.marriageID = marriageID
        self.partyA = partyA
        self.partyB = partyB
        self.appliedOn = appliedOn
        self.coolingOffEndsOn = coolingOffEndsOn
        self.registrationWindowEndsOn = registrationWindowEndsOn
    }

    public var aggregateID: String { marriageID.uuidString.lowercased() }
}
