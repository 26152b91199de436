import Access
import Contracts
import Foundation
import JWTKit

/// Verifies a bureau bearer token into a `Principal`, or refuses it with a stable code.
///
/// Order: the header (alg accepted, `kid` known) → the signature (jwt-kit, with that key alone) →
/// the claims: `iss` and `aud` as configured, `exp` (leeway), `nbf` if present, `sub`, `roles`,
/// `region`. Keys are parsed once at start-up; verifying costs one signature check.
public struct TokenVerifier: Sendable {
    public struct Configuration: Sendable {
        public var issuer: String
        public var audience: String
        /// Clock skew tolerated on `exp` and `nbf`.
        public var leeway: Duration

        public init(issuer: String, audience: String, leeway: Duration = .seconds(30)) {
            self.issuer = issuer
            self.audience = audience
            self.leeway = leeway
        }
    }

    public let configuration: Configuration
    private let keys: [String: VerificationKey]
    private let now: @Sendable () -> Date

    init(configuration: Configuration, keys: [VerificationKey], now: @escaping @Sendable () -> Date = { Date() }) {
        self.configuration = configuration
        self.keys = Dictionary(keys.map { ($0.kid, $0) }, uniquingKeysWith: { _, last in last })
        self.now = now
    }

    /// A verifier with the keys of the JWKS or PEM files at `paths`.
    public static func load(keyFiles paths: [String], configuration: Configuration,
                            now: @escaping @Sendable () -> Date = { Date() }) async throws -> TokenVerifier {
        TokenVerifier(configuration: configuration, keys: try await VerificationKeyLoader.load(paths: paths), now: now)
    }

    /// A verifier with the keys of a JWKS document.
    public static func jwks(_ json: String, configuration: Configuration,
                            now: @escaping @Sendable () -> Date = { Date() }) async throws -> TokenVerifier {
        TokenVerifier(configuration: configuration, keys: try await VerificationKeyLoader.jwks(json), now: now)
    }

    /// The configured key ids, sorted.
    public var keyIDs: [String] { keys.keys.sorted() }

    public func verify(_ token: some StringProtocol) async throws(RuleViolation) -> Principal {
        let token = Substring(token)
        let header = try TokenHeader.parse(token)
        guard let algorithm = VerificationKey.Algorithm(rawValue: header.alg) else {
            throw AccessRefusal.unauthenticated(
                AccessRefusal.badSignature,
                "algorithm \(header.alg) is not accepted (\(VerificationKey.Algorithm.allCases.map(\.rawValue).joined(separator: ", ")) only)")
        }
        let key = try self.key(named: header.kid)
        guard key.algorithm == algorithm else {
            throw AccessRefusal.unauthenticated(
                AccessRefusal.badSignature, "key \(key.kid) verifies \(key.algorithm.rawValue), the token says \(header.alg)")
        }
        try checkSignature(of: token, with: key)
        // The payload is decoded only once the signature is known to be the key's.
        let claims: AccessClaims
        do {
            claims = try DefaultJWTParser().parse(Array(token.utf8), as: AccessClaims.self).payload
        } catch {
            throw AccessRefusal.unauthenticated(AccessRefusal.tokenMalformed, "the token cannot be decoded: \(Self.describe(error))")
        }
        return try principal(from: claims)
    }

    /// JWS: the signature covers the ASCII bytes `header.payload`.
    private func checkSignature(of token: Substring, with key: VerificationKey) throws(RuleViolation) {
        guard let lastDot = token.lastIndex(of: "."),
              let signature = Data(base64URLEncoded: token[token.index(after: lastDot)...]) else {
            throw AccessRefusal.unauthenticated(AccessRefusal.tokenMalformed, "the token's signature is not base64url")
        }
        let verified: Bool
        do {
            verified = try key.verifier.verify(signature, signs: Array(token[..<lastDot].utf8))
        } catch {
            verified = false  // a signature of the wrong size or shape
        }
        guard verified else {
            throw AccessRefusal.unauthenticated(AccessRefusal.badSignature, "the signature does not match key \(key.kid)")
        }
    }

    private func key(named kid: String?) throws(RuleViolation) -> VerificationKey {
        if let kid {
            guard let key = keys[kid] else {
                throw AccessRefusal.unauthenticated(AccessRefusal.unknownKey, "no verification key has kid \(kid)")
            }
            return key
        }
        // Without a kid the key is unambiguous only when there is one.
        guard keys.count == 1, let only = keys.values.first else {
            throw AccessRefusal.unauthenticated(AccessRefusal.unknownKey, "the token names no kid and \(keys.count) keys are configured")
        }
        return only
    }

    private func principal(from claims: AccessClaims) throws(RuleViolation) -> Principal {
        func missing(_ name: String) -> RuleViolation {
            AccessRefusal.unauthenticated(AccessRefusal.tokenMalformed, "the token has no \(name) claim")
        }
        guard let issuer = claims.iss?.value else { throw missing("iss") }
        guard issuer == configuration.issuer else {
            throw AccessRefusal.unauthenticated(AccessRefusal.wrongIssuer, "issuer \(issuer) is not \(configuration.issuer)")
        }
        guard let audience = claims.aud?.value else { throw missing("aud") }
        guard audience.contains(configuration.audience) else {
            throw AccessRefusal.unauthenticated(
                AccessRefusal.wrongAudience, "audience \(audience.joined(separator: ", ")) does not include \(configuration.audience)")
        }
        let leeway = TimeInterval(configuration.leeway.components.seconds)
        let now = now()
        guard let expiry = claims.exp?.value else { throw missing("exp") }
        guard now <= expiry.addingTimeInterval(leeway) else {
            throw AccessRefusal.unauthenticated(AccessRefusal.tokenExpired, "the token expired at \(expiry.formatted(.iso8601))")
        }
        if let notBefore = claims.nbf?.value, now < notBefore.addingTimeInterval(-leeway) {
            throw AccessRefusal.unauthenticated(AccessRefusal.tokenNotYetValid, "the token is valid from \(notBefore.formatted(.iso8601))")
        }
        guard let subject = claims.sub?.value, !subject.isEmpty else { throw missing("sub") }
        guard let names = claims.roles else { throw missing("roles") }
        guard let regionText = claims.region else { throw missing("region") }
        let region: RegionCode
        do {
            region = try RegionCode(regionText)
        } catch {
            throw AccessRefusal.unauthenticated(AccessRefusal.tokenMalformed, "region \(regionText) is not a GB/T 2260 code: \(error)")
        }
        // Role names this suite does not know are someone else's; they grant nothing here.
        return Principal(subject: subject, roles: Set(names.compactMap(Role.init(rawValue:))), region: region)
    }

    private static func describe(_ error: any Error) -> String {
        if let jwt = error as? JWTError { return jwt.reason ?? "\(jwt.errorType)" }
        return "\(error)"
    }
}
