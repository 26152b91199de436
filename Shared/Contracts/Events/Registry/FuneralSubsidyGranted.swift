import Foundation

/// `civil.registry.funeral-subsidy-granted.v1`: the Registry granted the free basic funeral
/// services (惠民殡葬: transport, storage, cremation, ash storage) for a deceased person.
///
/// Published by the Registry's free-basic-funeral rule, in reaction to a `DeathRecorded` (the
/// event's id is `causationEventID`) when the person was a 低保 or 特困 recipient on the date of
/// death (from Assistance's `BenefitGranted`/`BenefitTerminated`) or the local policy covers all
/// residents. Keyed by the person ref. The funeral home bills the Registry instead of the family;
/// Assistance does not pay its own funeral allowance for the same services.
public struct FuneralSubsidyGranted: DomainEvent {
    public static let eventType = EventType(.registry, "funeral-subsidy-granted", version: 1)

    public var grantID: UUID
    public var person: PersonRef
    /// The `DeathRecorded.recordID` of the death the grant is for.
    public var deathRecordID: UUID
    public var basis: FuneralSubsidyBasis
    /// The services granted, with the amount of each; at least one.
    public var services: [FuneralSubsidyItem]
    /// The sum of the services' amounts.
    public var total: Money
    public var grantedOn: CivilDate
    /// The id of the event that caused the grant (normally the `DeathRecorded`); absent for a grant
    /// made by hand.
    public var causationEventID: UUID?

    public init(grantID: UUID, person: PersonRef, deathRecordID: UUID, basis: FuneralSubsidyBasis,
                services: [FuneralSubsidyItem], total: Money, grantedOn: CivilDate, causationEventID: UUID?) {
        self.grantID = grantID
        self.person = person
        self.deathRecordID = deathRecordID
        self.basis = basis
        self.services = services
        self.total = total
        self.grantedOn = grantedOn
        self.causationEventID = causationEventID
    }

    public var aggregateID: String { person.rawValue }
}
