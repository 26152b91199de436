import Access
import Foundation
import ServiceKit
import TestKit
import Testing

@Suite("Access: token settings")
struct TokenSettingsTests {
    @Test func keysIssuerAndAudienceComeFromTheEnvironment() throws {
        let settings = try ServiceSettings(domain: .registry, environment: [
            "REGISTRY_JWT_KEYS_FILE": "/keys/2026-10.pem, /keys/2026-11.pem", "CIVIL_JWT_KEYS_FILE": "/shared/jwks.json",
            "CIVIL_JWT_ISSUER": "https://idp.example.gov.cn",
        ])
        #expect(settings.jwtKeysFiles == ["/keys/2026-10.pem", "/keys/2026-11.pem"])
        #expect(settings.jwtIssuer == "https://idp.example.gov.cn")
        #expect(settings.jwtAudience == TokenDefaults.audience)
    }

    @Test func withoutKeysThereIsNoVerifier() async throws {
        let settings = try ServiceSettings(domain: .assistance, environment: [:])
        #expect(settings.jwtKeysFiles == [])
        let verifier = try await settings.tokenVerifier()
        #expect(verifier == nil)
    }

    @Test func configuredKeysMakeAVerifier() async throws {
        let key = TestIssuer.key("k1")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jwks-\(UUID().uuidString).json")
        try Data(try TestIssuer.jwks([key.jwk]).utf8).write(to: url)
        let settings = try ServiceSettings(domain: .assistance, environment: ["CIVIL_JWT_KEYS_FILE": url.path])
        let verifier = try await settings.tokenVerifier()
        #expect(verifier?.keyIDs == ["k1"])
        #expect(verifier?.configuration.issuer == TokenDefaults.issuer)
    }

    @Test func anUnreadableKeyFileStopsTheStart() async throws {
        let settings = try ServiceSettings(domain: .assistance, environment: ["CIVIL_JWT_KEYS_FILE": "/nonexistent/jwks.json"])
        await #expect(throws: VerificationKeyLoader.LoadError.self) { _ = try await settings.tokenVerifier() }
    }
}
