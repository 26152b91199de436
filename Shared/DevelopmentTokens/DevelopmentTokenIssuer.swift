import Access
import Foundation
import JWTKit

/// A development identity provider: an ES256 key pair in a directory and the tokens it mints.
///
/// `civil token`, the local stack and the demo use `.run/jwt/`; the test harnesses a scratch
/// directory of their own. The private key (`dev-es256.pem`, mode 0600) is made once and never
/// leaves the checkout; the public key is written as a JWKS (`jwks.json`) for the services'
/// `CIVIL_JWT_KEYS_FILE`. Production must use its identity provider's keys instead (production
/// mode refuses this key set by its file name).
public struct DevelopmentTokenIssuer: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// The key pair of the checkout's local stack, `.run/jwt/` under `root`.
    public static func localStack(root: URL) -> DevelopmentTokenIssuer {
        DevelopmentTokenIssuer(directory: root.appendingPathComponent(TokenDefaults.developmentDirectory))
    }

    public var privateKeyFile: URL { directory.appendingPathComponent(TokenDefaults.developmentPrivateKeyFile) }
    public var jwksFile: URL { directory.appendingPathComponent(TokenDefaults.developmentJWKSFile) }

    /// The claims of a minted token.
    struct Claims: JWTPayload {
        var iss: IssuerClaim
        var aud: AudienceClaim
        var iat: IssuedAtClaim
        var nbf: NotBeforeClaim
        var exp: ExpirationClaim
        var sub: SubjectClaim
        var roles: [String]
        var region: String

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    /// The key pair, made on first use; the JWKS is rewritten from the private key each time so
    /// the two cannot drift apart.
    public func keyPair() throws -> (key: ES256PrivateKey, kid: String) {
        let key: ES256PrivateKey
        if FileManager.default.fileExists(atPath: privateKeyFile.path) {
            do {
                key = try ES256PrivateKey(pem: try String(contentsOf: privateKeyFile, encoding: .utf8))
            } catch {
                throw DevelopmentTokenError("\(privateKeyFile.path) cannot be read as an ES256 private key (\(error)); delete it to make a new pair")
            }
        } else {
            key = ES256PrivateKey()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            // Created with mode 0600 rather than chmod-ed after writing: the key is never world-readable.
            guard FileManager.default.createFile(atPath: privateKeyFile.path, contents: Data(key.pemRepresentation.utf8),
                                                 attributes: [.posixPermissions: 0o600]) else {
                throw DevelopmentTokenError("cannot write \(privateKeyFile.path)")
            }
        }
        guard let parameters = key.parameters else { throw DevelopmentTokenError("the development key has no public parameters") }
        let kid = "dev-" + String(parameters.x.prefix(12))
        let jwks: [String: Any] = ["keys": [["kty": "EC", "crv": "P-256", "alg": "ES256", "use": "sig", "kid": kid,
                                             "x": parameters.x, "y": parameters.y]]]
        let data = try JSONSerialization.data(withJSONObject: jwks, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: jwksFile, options: .atomic)
        return (key, kid)
    }

    /// A signed ES256 token for `roles` in `region`, valid from now for `minutes`.
    public func mint(roles: [Role], region: String, subject: String, minutes: Int,
              issuer: String = TokenDefaults.issuer, audience: String = TokenDefaults.audience,
              now: Date = Date()) async throws -> String {
        let (key, kid) = try keyPair()
        let claims = Claims(
            iss: IssuerClaim(value: issuer), aud: AudienceClaim(value: [audience]), iat: IssuedAtClaim(value: now),
            nbf: NotBeforeClaim(value: now), exp: ExpirationClaim(value: now.addingTimeInterval(TimeInterval(minutes * 60))),
            sub: SubjectClaim(value: subject), roles: roles.map(\.rawValue), region: region)
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: key, kid: JWKIdentifier(string: kid))
        return try await keys.sign(claims, kid: JWKIdentifier(string: kid))
    }
}

/// Why the development key pair could not be used.
public struct DevelopmentTokenError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
