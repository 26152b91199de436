import Foundation
import JWTKit

/// One public key a token may be signed with, by `kid`, with the one algorithm it verifies.
///
/// Each key sits in a key collection of its own, so jwt-kit can never fall back to another key
/// (its default) for an unknown `kid`, and the header's `alg` must equal the key's before jwt-kit
/// is asked: a token cannot pick HS256 and have an RSA or EC public key used as an HMAC secret.
struct VerificationKey: Sendable {
    /// The asymmetric algorithms accepted; `none` and every HMAC are not.
    enum Algorithm: String, Sendable, CaseIterable {
        case es256 = "ES256"
        case rs256 = "RS256"
        case eddsa = "EdDSA"
    }

    var kid: String
    var algorithm: Algorithm
    let keys: JWTKeyCollection

    static func es256(_ key: ES256PublicKey, kid: String) async -> VerificationKey {
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: key, kid: JWKIdentifier(string: kid))
        return VerificationKey(kid: kid, algorithm: .es256, keys: keys)
    }

    static func rs256(_ key: Insecure.RSA.PublicKey, kid: String) async -> VerificationKey {
        let keys = JWTKeyCollection()
        await keys.add(rsa: key, digestAlgorithm: .sha256, kid: JWKIdentifier(string: kid))
        return VerificationKey(kid: kid, algorithm: .rs256, keys: keys)
    }

    static func eddsa(_ key: EdDSA.PublicKey, kid: String) async -> VerificationKey {
        let keys = JWTKeyCollection()
        await keys.add(eddsa: key, kid: JWKIdentifier(string: kid))
        return VerificationKey(kid: kid, algorithm: .eddsa, keys: keys)
    }
}
