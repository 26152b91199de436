/// Which certificate of a marriage a number belongs to.
public enum CertificateType: String, Codable, Sendable, CaseIterable {
    /// 结婚证.
    case marriage
    /// 离婚证.
    case divorce
}
