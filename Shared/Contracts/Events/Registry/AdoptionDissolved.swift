import Foundation

/// `civil.registry.adoption-dissolved.v1`: an adoption was dissolved (解除收养关系), by registration
/// at the Registry or by a court document the Registry recorded.
///
/// Published by the Registry. Keyed by the adoption id, after its `AdoptionRegistered`.
/// ChildProtection re-examines a child who is still a minor (who now cares for them?), and
/// Assistance re-examines the former adopters' household, which the child leaves.
public struct AdoptionDissolved: DomainEvent {
    public static let eventType = EventType(.registry, "adoption-dissolved", version: 1)

    public var adoptionID: UUID
    public var child: PersonRef
    /// The adopters of the dissolved adoption: one or two people.
    public var adopters: [PersonRef]
    public var dissolvedOn: CivilDate
    public var basis: AdoptionDissolutionBasis
    /// The dissolution certificate's number (解除收养关系证明), or the court's document number.
    public var documentNumber: String?

    public init(adoptionID: UUID, child: PersonRef, adopters: [PersonRef], dissolvedOn: CivilDate,
                basis: AdoptionDissolutionBasis, documentNumber: String?) {
        self.adoptionID = adoptionID
        self.child = child
        self.adopters = adopters
        self.dissolvedOn = dissolvedOn
        self.basis = basis
        self.documentNumber = documentNumber
    }

    public var aggregateID: String { adoptionID.uuidString.lowercased() }
}
