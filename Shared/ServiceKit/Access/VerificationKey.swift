import Foundation
import JWTKit

/// One public key a token may be signed with, by `kid`, with the one algorithm it verifies.
///
/// The key is looked up by `kid` in the verifier's own table, so there is no fallback to another
/// key (jwt-kit's default) for an unknown `kid`, and the header's `alg` must equal the key's before
/// the signature is checked: a token cannot pick HS256 and have a public key used as an HMAC
/// secret. `verifier` is jwt-kit's algorithm for the key, made once at start-up: a plain Sendable
/// value, so concurrent requests do not queue on a key collection actor.
struct VerificationKey: Sendable {
    /// The asymmetric algorithms accepted; `none` and every HMAC are not.
    enum Algorithm: String, Sendable, CaseIterable {
        case es256 = "ES256"
        case rs256 = "RS256"
        case eddsa = "EdDSA"
    }

    var kid: String
    var algorithm: Algorithm
    let verifier: any JWTAlgorithm

    static func es256(_ key: ES256PublicKey, kid: String) async throws -> VerificationKey {
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: key, kid: JWKIdentifier(string: kid))
        return VerificationKey(kid: kid, algorithm: .es256, verifier: try await keys.getKey(for: JWKIdentifier(string: kid)))
    }

    static func rs256(_ key: Insecure.RSA.PublicKey, kid: String) async throws -> VerificationKey {
        let keys = JWTKeyCollection()
        await keys.add(rsa: key, digestAlgorithm: .sha256, kid: JWKIdentifier(string: kid))
        return VerificationKey(kid: kid, algorithm: .rs256, verifier: try await keys.getKey(for: JWKIdentifier(string: kid)))
    }

    static func eddsa(_ key: EdDSA.PublicKey, kid: String) async throws -> VerificationKey {
        let keys = JWTKeyCollection()
        await keys.add(eddsa: key, kid: JWKIdentifier(string: kid))
        return VerificationKey(kid: kid, algorithm: .eddsa, verifier: try await keys.getKey(for: JWKIdentifier(string: kid)))
    }
}
