import Foundation

/// `civil.registry.marriage-registered.v1`: the Registry registered a marriage (结婚登记) and
/// issued both parties' marriage certificates.
///
/// Published by the Registry when a registration office completes a registration. Keyed by the
/// marriage id, so a marriage's registration, divorce, annulment and reissued certificates stay in
/// order. Assistance re-examines both parties' households (a spouse's income and property count
/// toward 低保 and 特困 eligibility); ElderCare updates the family contacts of elders it serves.
public struct MarriageRegistered: DomainEvent {
    public static let eventType = EventType(.registry, "marriage-registered", version: 1)

    public var marriageID: UUID
    /// The marriage certificate's number (结婚证字号), e.g. `J620423-01-2026-000123`.
    public var certificateNumber: String
    public var partyA: PersonRef
    public var partyB: PersonRef
    /// The registration office (婚姻登记处) code, e.g. `620423-01`.
    public var office: String
    /// The region whose civil-affairs bureau runs the office.
    public var region: RegionCode
    public var registeredOn: CivilDate

    public init(marriageID: UUID, certificateNumber: String, partyA: PersonRef, partyB: PersonRef,
                office: String, region: RegionCode, registeredOn: CivilDate) {
        self.marriageID = marriageID
        self.certificateNumber = certificateNumber
        self.partyA = partyA
        self.partyB = partyB
        self.office = office
        self.region = region
        self.registeredOn = registeredOn
    }

    public var aggregateID: String { marriageID.uuidString.lowercased() }
}
