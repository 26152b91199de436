import Contracts

/// Reissue of a lost or damaged marriage or divorce certificate (补领结婚证/离婚证,
/// 《婚姻登记条例》第十七条): a party named on the certificate applies, and gets a new number
/// linked to the original, which stops being valid.
public enum CertificateReissue {
    /// The kind of the new certificate (``CertificateKind/marriageReissue`` for a marriage
    /// certificate or its reissue, ``CertificateKind/divorceReissue`` for a divorce one), or the
    /// refusal, in this order: the original is no longer valid, the applicant is not one of its
    /// `parties`, it is an adoption certificate.
    public static func kind(
        reissuing original: CertificateNumber, isValid: Bool, parties: [ResidentID], applicant: ResidentID
    ) throws(RuleViolation) -> CertificateKind {
        guard isValid else {
            throw RuleViolation("certificate.revoked", "certificate \(original.rawValue) is no longer valid", kind: .conflict)
        }
        guard parties.contains(applicant) else {
            throw RuleViolation("certificate.not-a-party", "only a party named on the certificate may ask for a reissue")
        }
        switch original.kind {
        case .marriage, .marriageReissue: return .marriageReissue
        case .divorce, .divorceReissue: return .divorceReissue
        case .adoption: throw RuleViolation("certificate.not-reissuable", "adoption certificates are not reissued here")
        }
    }
}
