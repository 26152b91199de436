import Foundation
import JWTKit
import ServiceKit

/// An identity provider for tests: ES256 keys by kid, tokens with any claims (or without some).
struct TestIssuer {
    static let issuer = "urn:test:idp"
    static let audience = "urn:test:services"
    /// A fixed instant, so expiry tests need no sleeping.
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    /// Every claim optional, so a test can leave any one out.
    struct Claims: JWTPayload {
        var iss: String? = TestIssuer.issuer
        var aud: [String]? = [TestIssuer.audience]
        var exp: Double? = TestIssuer.t0.timeIntervalSince1970 + 3_600
        var nbf: Double? = TestIssuer.t0.timeIntervalSince1970 - 60
        var sub: String? = "officer-7"
        var roles: [String]? = ["intake", "reviewer"]
        var region: String? = "620423100"

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    struct Key {
        var kid: String
        var key: ES256PrivateKey

        var jwk: [String: String] {
            ["kty": "EC", "crv": "P-256", "alg": "ES256", "kid": kid, "x": key.parameters?.x ?? "", "y": key.parameters?.y ?? ""]
        }
    }

    static func key(_ kid: String) -> Key { Key(kid: kid, key: ES256PrivateKey()) }

    static func jwks(_ keys: [[String: String]]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: ["keys": keys], options: [.sortedKeys]), as: UTF8.self)
    }

    static func sign(_ claims: Claims = Claims(), with key: Key, kid: String? = nil) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: key.key, kid: JWKIdentifier(string: kid ?? key.kid))
        return try await keys.sign(claims, kid: JWKIdentifier(string: kid ?? key.kid))
    }

    /// A verifier trusting `keys`, with its clock at `now`.
    static func verifier(trusting keys: [Key], now: Date = t0) async throws -> TokenVerifier {
        try await TokenVerifier.jwks(try jwks(keys.map(\.jwk)), configuration: .init(issuer: issuer, audience: audience),
                                     now: { now })
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func base64URL(json object: [String: Any]) throws -> String {
        base64URL(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }
}
