import Foundation

/// `civil.registry.certificate-reissued.v1`: the Registry reissued a lost or damaged marriage or
/// divorce certificate (补领结婚证/离婚证) under a new number, replacing the original.
///
/// Published by the Registry. Keyed by the marriage id, after the registration it belongs to.
/// Consumers that check certificate numbers (e.g. Assistance verifying a household's documents)
/// accept the new number and stop accepting the original.
public struct CertificateReissued: DomainEvent {
    public static let eventType = EventType(.registry, "certificate-reissued", version: 1)

    /// The new certificate's number.
    public var certificateNumber: String
    /// The number of the certificate it replaces.
    public var originalCertificateNumber: String
    public var kind: CertificateType
    public var marriageID: UUID
    /// The party who applied for the reissue.
    public var applicant: PersonRef
    public var reissuedOn: CivilDate
    /// The registration office that reissued it, in whose number series the new certificate is
    /// (the office that issued the original), e.g. `620423-01`; absent in payloads of release 1.
    public var office: String?
    /// The region whose civil-affairs bureau runs that office (the statistics count reissues by it);
    /// absent when `office` is.
    public var region: RegionCode?

    public init(certificateNumber: String, originalCertificateNumber: String, kind: CertificateType,
                marriageID: UUID, applicant: PersonRef, reissuedOn: CivilDate, office: String? = nil, region: RegionCode? = nil) {
        self.certificateNumber = certificateNumber
        self.originalCertificateNumber = originalCertificateNumber
        self.kind = kind
        self.marriageID = marriageID
        self.applicant = applicant
        self.reissuedOn = reissuedOn
        self.office = office
        self.region = region
    }

    public var aggregateID: String { marriageID.uuidString.lowercased() }
}
