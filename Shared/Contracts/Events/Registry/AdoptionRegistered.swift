import Foundation

/// `civil.registry.adoption-registered.v1`: the Registry registered an adoption (收养登记); the
/// child is now the adopters' child in law (Civil Code art. 1105, 1111).
///
/// Published by the Registry. Keyed by the adoption id, so its dissolution follows it in order.
/// ChildProtection closes or transfers the child's case (an orphan or de-facto unsupported child
/// leaves its care), and Assistance re-examines the adopters' household, which the child joins.
public struct AdoptionRegistered: DomainEvent {
    public static let eventType = EventType(.registry, "adoption-registered", version: 1)

    public var adoptionID: UUID
    public var child: PersonRef
    /// One adopter, or a married couple adopting jointly: one or two people.
    public var adopters: [PersonRef]
    public var registeredOn: CivilDate
    /// The region of the registering civil-affairs bureau.
    public var region: RegionCode
    /// The adoption registration certificate's number (收养登记证).
    public var certificateNumber: String

    public init(adoptionID: UUID, child: PersonRef, adopters: [PersonRef], registeredOn: CivilDate,
                region: RegionCode, certificateNumber: String) {
        self.adoptionID = adoptionID
        self.child = child
        self.adopters = adopters
        self.registeredOn = registeredOn
        self.region = region
        self.certificateNumber = certificateNumber
    }

    public var aggregateID: String { adoptionID.uuidString.lowercased() }
}
