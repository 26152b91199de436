import Foundation

/// `civil.registry.cremation-completed.v1`: a funeral home cremated the deceased and issued the
/// cremation certificate (火化证明).
///
/// Published by the Registry (殡葬管理) when the funeral service record is completed. Keyed by the
/// person ref, after the `DeathRecorded`. The Registry's free-basic-funeral rule reacts (the free
/// services apply where cremation is carried out), and consumers that pay funeral allowances
/// (丧葬补助) to survivors can require the certificate.
public struct CremationCompleted: DomainEvent {
    public static let eventType = EventType(.registry, "cremation-completed", version: 1)

    public var serviceRecordID: UUID
    public var person: PersonRef
    public var crematedOn: CivilDate
    public var cremationCertificateNumber: String
    /// The region of the funeral home that cremated.
    public var facilityRegion: RegionCode

    public init(serviceRecordID: UUID, person: PersonRef, crematedOn: CivilDate, cremationCertificateNumber: String,
                facilityRegion: RegionCode) {
        self.serviceRecordID = serviceRecordID
        self.person = person
        self.crematedOn = crematedOn
        self.cremationCertificateNumber = cremationCertificateNumber
        self.facilityRegion = facilityRegion
    }

    public var aggregateID: String { person.rawValue }
}
