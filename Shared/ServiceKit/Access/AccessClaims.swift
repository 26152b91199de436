import JWTKit

/// The claims a bureau token carries, as jwt-kit decodes them. Every field is optional so that a
/// missing claim is reported by name (`TokenVerifier` checks them after the signature), rather
/// than as an anonymous decoding failure.
struct AccessClaims: JWTPayload {
    var iss: IssuerClaim?
    var aud: AudienceClaim?
    var exp: ExpirationClaim?
    var nbf: NotBeforeClaim?
    var sub: SubjectClaim?
    var roles: [String]?
    var region: String?

    /// Claims are checked by `TokenVerifier` with its own clock and leeway, so that each failure
    /// has its own stable code; jwt-kit only checks the signature.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
