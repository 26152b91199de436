import Access
import DevelopmentTokens
import Contracts
import Foundation
import ServiceKit
import TestKit
import Testing

/// `civil token` mints what the services' verifier accepts, with the JWKS it writes.
@Suite("Access: civil token round trip")
struct DevelopmentTokenTests {
    func directory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("civil-token-\(UUID().uuidString)/jwt")
    }

    @Test func aMintedTokenVerifiesWithTheWrittenJWKS() async throws {
        let tokens = DevelopmentTokenIssuer(directory: directory())
        let token = try await tokens.mint(roles: [.registrar], region: "620423", subject: "clerk-1", minutes: 60)
        let verifier = try await TokenVerifier.load(
            keyFiles: [tokens.jwksFile.path], configuration: .init(issuer: TokenDefaults.issuer, audience: TokenDefaults.audience))
        let principal = try await verifier.verify(token)
        #expect(principal.subject == "clerk-1")
        #expect(principal.roles == [.registrar])
        #expect(principal.region == (try RegionCode("620423")))
    }

    @Test func theKeyPairIsMadeOnceWithAPrivateFile() async throws {
        let tokens = DevelopmentTokenIssuer(directory: directory())
        let first = try tokens.keyPair()
        let second = try tokens.keyPair()
        #expect(first.kid == second.kid)
        let attributes = try FileManager.default.attributesOfItem(atPath: tokens.privateKeyFile.path)
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        let jwks = try String(contentsOf: tokens.jwksFile, encoding: .utf8)
        #expect(jwks.contains(first.kid))
        #expect(!jwks.contains("\"d\""))
    }

    @Test func anExpiredDevelopmentTokenIsRefused() async throws {
        let tokens = DevelopmentTokenIssuer(directory: directory())
        let token = try await tokens.mint(roles: [.intake], region: "620423100", subject: "s", minutes: 1,
                                          now: Date().addingTimeInterval(-3_600))
        let verifier = try await TokenVerifier.load(
            keyFiles: [tokens.jwksFile.path], configuration: .init(issuer: TokenDefaults.issuer, audience: TokenDefaults.audience))
        do {
            _ = try await verifier.verify(token)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.code == "auth.token-expired")
        }
    }
}
