/// How a court set a marriage aside from the start.
public enum MarriageInvalidation: String, Codable, Sendable, CaseIterable {
    /// Declared void (婚姻无效, Civil Code art. 1051).
    case annulment
    /// Revoked for coercion or a concealed serious illness (可撤销婚姻, art. 1052–1053).
    case revocation
}
