import Foundation

/// `civil.registry.marriage-annulled.v1`: a court declared a marriage void or revoked it, and the
/// Registry recorded the judgment; the marriage is void from the start (Civil Code art. 1054).
///
/// Published by the Registry. Keyed by the marriage id. Consumers treat the parties as never having
/// been married to each other: Assistance re-examines both households, ChildProtection reviews the
/// custody of the couple's minor children.
public struct MarriageAnnulled: DomainEvent {
    public static let eventType = EventType(.registry, "marriage-annulled", version: 1)

    public var marriageID: UUID
    public var partyA: PersonRef
    public var partyB: PersonRef
    public var kind: MarriageInvalidation
    /// The court's judgment number (案号).
    public var courtDocumentNumber: String
    /// The day the judgment took effect.
    public var effectiveOn: CivilDate

    public init(marriageID: UUID, partyA: PersonRef, partyB: PersonRef, kind: MarriageInvalidation,
                courtDocumentNumber: String, effectiveOn: CivilDate) {
        self.marriageID = marriageID
        self.partyA = partyA
        self.partyB = partyB
        self.kind = kind
        self.courtDocumentNumber = courtDocumentNumber
        self.effectiveOn = effectiveOn
    }

    public var aggregateID: String { marriageID.uuidString.lowercased() }
}
