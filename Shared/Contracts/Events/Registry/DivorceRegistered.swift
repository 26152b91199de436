import Foundation

/// `civil.registry.divorce-registered.v1`: a marriage ended in divorce, registered by agreement
/// (离婚登记) or recorded from a court's judgment.
///
/// Published by the Registry. Keyed by the marriage id. Assistance re-examines both former parties'
/// households (they are now separate households for 低保 and 特困), ChildProtection reviews the
/// custody arrangements of the couple's minor children, and ElderCare updates family contacts.
public struct DivorceRegistered: DomainEvent {
    public static let eventType = EventType(.registry, "divorce-registered", version: 1)

    public var marriageID: UUID
    /// The divorce application, for a divorce by agreement; absent for a court judgment.
    public var applicationID: UUID?
    /// The divorce certificate's number (离婚证字号), for a divorce by agreement; absent for a court judgment.
    public var certificateNumber: String?
    public var partyA: PersonRef
    public var partyB: PersonRef
    /// The day the divorce took effect: registration day, or the judgment's effective day.
    public var registeredOn: CivilDate
    public var basis: DivorceBasis
    /// The court's document number (判决书/调解书 案号), for `.courtJudgment`.
    public var courtDocumentNumber: String?
    /// The registration office (婚姻登记处) that registered a divorce by agreement and issued its
    /// certificate, e.g. `620423-01`; absent for a court judgment (no office registers it) and in
    /// payloads of release 1.
    public var office: String?
    /// The region whose civil-affairs bureau runs that office (the statistics count divorces by it);
    /// absent when `office` is.
    public var region: RegionCode?

    public init(marriageID: UUID, applicationID: UUID?, certificateNumber: String?, partyA: PersonRef,
                partyB: PersonRef, registeredOn: CivilDate, basis: DivorceBasis, courtDocumentNumber: String?,
                office: String? = nil, region: RegionCode? = nil) {
        self.marriageID = marriageID
        self.applicationID = applicationID
        self.certificateNumber = certificateNumber
        self.partyA = partyA
        self.partyB = partyB
        self.registeredOn = registeredOn
        self.basis = basis
        self.courtDocumentNumber = courtDocumentNumber
        self.office = office
        self.region = region
    }

    public var aggregateID: String { marriageID.uuidString.lowercased() }
}
