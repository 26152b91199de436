import Foundation

/// `civil.registry.funeral-subsidy-granted.v1`: the Registry granted the free basic funeral
/// services (惠民殡葬: transport, storage, cremation, ash storage) for a deceased person.
///
/// Published by the Registry's free-basic-funeral rule once the grant is payable: the person was a
/// 低保 or 特困 recipient on the date of death (from Assistance's `BenefitGranted`/`BenefitTerminated`)
/// or the local policy covers all residents, **and** the body was cremated — the plan grants the
/// services to people in difficulty "死亡后实行火化" (《景泰县"十四五"民政事业发展规划》第三章（五）7). So it
/// follows the `CremationCompleted` (normally its cause), or the benefit event that showed the
/// eligibility of someone already cremated; a person buried without cremation gets none. At most one
/// per death. Keyed by the person ref. The funeral home bills the Registry instead of the family;
/// Assistance does not pay its own funeral allowance for the same services.
///
/// Payloads of release 1 were published when the death was recorded, before any cremation check;
/// they carry no `crematedOn`.
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
    /// The id of the event that caused the grant (the `CremationCompleted`, or the `BenefitGranted`
    /// that arrived after the cremation); absent for a grant made by hand.
    public var causationEventID: UUID?
    /// The day of the cremation that made the grant payable; absent in payloads of release 1.
    public var crematedOn: CivilDate?

    public init(grantID: UUID, person: PersonRef, deathRecordID: UUID, basis: FuneralSubsidyBasis,
                services: [FuneralSubsidyItem], total: Money, grantedOn: CivilDate, causationEventID: UUID?,
                crematedOn: CivilDate? = nil) {
        self.grantID = grantID
        self.person = person
        self.deathRecordID = deathRecordID
        self.basis = basis
        self.services = services
        self.total = total
        self.grantedOn = grantedOn
        self.causationEventID = causationEventID
        self.crematedOn = crematedOn
    }

    public var aggregateID: String { person.rawValue }
}
