import Foundation
import JWTKit

/// Reads verification keys from a JWKS document or from PEM public keys.
///
/// - JWKS (`{"keys": [...]}`): each key needs a `kid`; EC P-256 → ES256, RSA → RS256, OKP Ed25519
///   → EdDSA (a key's own `alg`, when present, must agree). Symmetric (`oct`) and private keys are
///   refused: a verifier holds public keys only.
/// - PEM: a file holding one `PUBLIC KEY` (EC P-256, RSA or Ed25519); its `kid` is the file name
///   without extension (`2026-11.pem` → `2026-11`), so rotating is adding a second file.
public enum VerificationKeyLoader {
    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case invalid(path: String, reason: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): "cannot read JWT keys from \(path): \(reason)"
            case .invalid(let path, let reason): "JWT keys in \(path) are invalid: \(reason)"
            }
        }
    }

    /// Loads every file in `paths` (JWKS or PEM, by content).
    static func load(paths: [String]) async throws -> [VerificationKey] {
        var keys: [VerificationKey] = []
        for path in paths {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw LoadError.unreadable(path: path, reason: "\(error.localizedDescription)")
            }
            if text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("{") {
                keys += try await jwks(text, path: path)
            } else {
                let kid = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
                keys.append(try await pem(text, kid: kid, path: path))
            }
        }
        return keys
    }

    static func jwks(_ json: String, path: String = "JWKS") async throws -> [VerificationKey] {
        let set: JWKS
        do {
            set = try JSONDecoder().decode(JWKS.self, from: Data(json.utf8))
        } catch {
            throw LoadError.invalid(path: path, reason: "not a JWKS document: \(error)")
        }
        var keys: [VerificationKey] = []
        for jwk in set.keys {
            guard let kid = jwk.keyIdentifier?.string, !kid.isEmpty else {
                throw LoadError.invalid(path: path, reason: "every key needs a kid")
            }
            guard jwk.privateExponent == nil else {
                throw LoadError.invalid(path: path, reason: "key \(kid) holds private material; a verifier needs public keys only")
            }
            keys.append(try await key(from: jwk, kid: kid, path: path))
        }
        return keys
    }

    private static func key(from jwk: JWK, kid: String, path: String) async throws -> VerificationKey {
        func agree(_ expected: JWK.Algorithm) throws {
            if let declared = jwk.algorithm, declared != expected {
                throw LoadError.invalid(path: path, reason: "key \(kid): alg \(declared.rawValue) is not accepted for its key type")
            }
        }
        do {
            switch jwk.keyType {
            case .ecdsa:
                guard jwk.curve?.rawValue == "P-256", let x = jwk.x, let y = jwk.y else {
                    throw LoadError.invalid(path: path, reason: "key \(kid): only EC keys on P-256 (ES256) are accepted")
                }
                try agree(.es256)
                return try await .es256(try ES256PublicKey(parameters: (x: x, y: y)), kid: kid)
            case .rsa:
                guard let n = jwk.modulus, let e = jwk.exponent else {
                    throw LoadError.invalid(path: path, reason: "key \(kid): an RSA key needs n and e")
                }
                try agree(.rs256)
                return try await .rs256(try Insecure.RSA.PublicKey(modulus: n, exponent: e), kid: kid)
            case .octetKeyPair:
                guard jwk.curve?.rawValue == "Ed25519", let x = jwk.x else {
                    throw LoadError.invalid(path: path, reason: "key \(kid): only OKP keys on Ed25519 (EdDSA) are accepted")
                }
                try agree(.eddsa)
                return try await .eddsa(try EdDSA.PublicKey(x: x, curve: .ed25519), kid: kid)
            default:
                throw LoadError.invalid(path: path, reason: "key \(kid): key type \(jwk.keyType.rawValue) is not accepted (EC P-256, RSA, Ed25519 only)")
            }
        } catch let error as LoadError {
            throw error
        } catch {
            throw LoadError.invalid(path: path, reason: "key \(kid): \(error)")
        }
    }

    static func pem(_ text: String, kid: String, path: String = "PEM") async throws -> VerificationKey {
        guard text.contains("-----BEGIN PUBLIC KEY-----") else {
            throw LoadError.invalid(path: path, reason: "expected a PEM PUBLIC KEY block (or a JWKS document)")
        }
        if let key = try? ES256PublicKey(pem: text) { return try await .es256(key, kid: kid) }
        if let key = try? Insecure.RSA.PublicKey(pem: text) { return try await .rs256(key, kid: kid) }
        if let key = try? EdDSA.PublicKey(pem: text) { return try await .eddsa(key, kid: kid) }
        throw LoadError.invalid(path: path, reason: "the public key is not EC P-256, RSA or Ed25519")
    }
}
