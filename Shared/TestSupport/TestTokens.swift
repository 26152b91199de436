import Access
import DevelopmentTokens
import Foundation

/// Bearer tokens for tests: one development key pair per test process, in a scratch directory,
/// whose JWKS every harnessed service trusts (`ServiceHarness.settings`).
public enum TestTokens {
    /// The region of the harness's default token: the whole province, so a test's records
    /// (Gansu codes) are always within it unless the test narrows the token on purpose.
    public static let provinceRegion = "620000"

    static let issuer: DevelopmentTokenIssuer = {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("civil-test-jwt-\(ProcessInfo.processInfo.processIdentifier)")
        let issuer = DevelopmentTokenIssuer(directory: directory)
        // Made here, once, so concurrent tests never race to create the pair; a failure surfaces
        // again (with its cause) from the first `token` call.
        _ = try? issuer.keyPair()
        return issuer
    }()

    /// The JWKS file the harnessed services read as `JWT_KEYS_FILE`.
    public static var jwksFile: String { issuer.jwksFile.path }

    /// A signed token for `roles` in `region`, valid for an hour.
    public static func token(_ roles: [Role], region: String = provinceRegion, subject: String = "test-officer") async throws -> String {
        try await issuer.mint(roles: roles, region: region, subject: subject, minutes: 60)
    }

    /// The harness's default: an administrator of the whole province.
    public static func admin() async throws -> String {
        try await token([.admin], subject: "test-admin")
    }
}
