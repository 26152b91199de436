import Access
import Contracts
import Crypto
import Foundation
import JWTKit
import ServiceKit
import TestKit
import Testing
import _CryptoExtras

@Suite("Access: token verification")
struct TokenVerifierTests {
    let key = TestIssuer.key("k1")

    /// The refusal's stable code, or nil when the token was accepted.
    func refusal(_ token: String, verifier: TokenVerifier) async -> RuleViolation? {
        do {
            _ = try await verifier.verify(token)
            return nil
        } catch {
            return error
        }
    }

    @Test func aGoodTokenNamesItsPrincipal() async throws {
        let verifier = try await TestIssuer.verifier(trusting: [key])
        let principal = try await verifier.verify(try await TestIssuer.sign(with: key))
        #expect(principal.subject == "officer-7")
        #expect(principal.roles == [.intake, .reviewer])
        #expect(principal.region == (try RegionCode("620423100")))
    }

    @Test func unknownRoleNamesGrantNothing() async throws {
        let verifier = try await TestIssuer.verifier(trusting: [key])
        var claims = TestIssuer.Claims()
        claims.roles = ["registrar", "superuser", "payroll-system"]
        let principal = try await verifier.verify(try await TestIssuer.sign(claims, with: key))
        #expect(principal.roles == [.registrar])
    }

    @Test func expiredIsRefusedAfterTheLeeway() async throws {
        var claims = TestIssuer.Claims()
        claims.exp = TestIssuer.t0.timeIntervalSince1970
        let token = try await TestIssuer.sign(claims, with: key)
        let withinLeeway = try await TestIssuer.verifier(trusting: [key], now: TestIssuer.t0.addingTimeInterval(29))
        #expect(await refusal(token, verifier: withinLeeway) == nil)
        let pastLeeway = try await TestIssuer.verifier(trusting: [key], now: TestIssuer.t0.addingTimeInterval(31))
        let refused = await refusal(token, verifier: pastLeeway)
        #expect(refused?.code == "auth.token-expired")
        #expect(refused?.kind == .unauthenticated)
    }

    @Test func notYetValidIsRefusedBeforeTheLeeway() async throws {
        var claims = TestIssuer.Claims()
        claims.nbf = TestIssuer.t0.timeIntervalSince1970 + 120
        let token = try await TestIssuer.sign(claims, with: key)
        let early = try await TestIssuer.verifier(trusting: [key])
        #expect(await refusal(token, verifier: early)?.code == "auth.token-not-yet-valid")
        let almost = try await TestIssuer.verifier(trusting: [key], now: TestIssuer.t0.addingTimeInterval(95))
        #expect(await refusal(token, verifier: almost) == nil)
    }

    @Test func aTokenWithoutNbfIsAccepted() async throws {
        var claims = TestIssuer.Claims()
        claims.nbf = nil
        let verifier = try await TestIssuer.verifier(trusting: [key])
        #expect(await refusal(try await TestIssuer.sign(claims, with: key), verifier: verifier) == nil)
    }

    @Test func wrongIssuerAndAudienceAreRefused() async throws {
        let verifier = try await TestIssuer.verifier(trusting: [key])
        var otherIssuer = TestIssuer.Claims()
        otherIssuer.iss = "urn:someone-else"
        #expect(await refusal(try await TestIssuer.sign(otherIssuer, with: key), verifier: verifier)?.code == "auth.wrong-issuer")
        var otherAudience = TestIssuer.Claims()
        otherAudience.aud = ["urn:another-system"]
        #expect(await refusal(try await TestIssuer.sign(otherAudience, with: key), verifier: verifier)?.code == "auth.wrong-audience")
        var several = TestIssuer.Claims()
        several.aud = ["urn:another-system", TestIssuer.audience]
        #expect(await refusal(try await TestIssuer.sign(several, with: key), verifier: verifier) == nil)
    }

    @Test(arguments: ["iss", "aud", "exp", "sub", "roles", "region"])
    func aMissingClaimIsRefusedByName(_ claim: String) async throws {
        var claims = TestIssuer.Claims()
        switch claim {
        case "iss": claims.iss = nil
        case "aud": claims.aud = nil
        case "exp": claims.exp = nil
        case "sub": claims.sub = nil
        case "roles": claims.roles = nil
        default: claims.region = nil
        }
        let verifier = try await TestIssuer.verifier(trusting: [key])
        let refused = await refusal(try await TestIssuer.sign(claims, with: key), verifier: verifier)
        #expect(refused?.code == "auth.token-malformed")
        #expect(refused?.detail.contains("no \(claim) claim") == true)
    }

    @Test func aRegionThatIsNoCodeIsRefused() async throws {
        var claims = TestIssuer.Claims()
        claims.region = "Jingtai"
        let verifier = try await TestIssuer.verifier(trusting: [key])
        #expect(await refusal(try await TestIssuer.sign(claims, with: key), verifier: verifier)?.code == "auth.token-malformed")
    }

    @Test func aTamperedPayloadIsRefused() async throws {
        let verifier = try await TestIssuer.verifier(trusting: [key])
        let parts = try await TestIssuer.sign(with: key).split(separator: ".").map(String.init)
        let raised = try TestIssuer.base64URL(json: [
            "iss": TestIssuer.issuer, "aud": [TestIssuer.audience], "exp": TestIssuer.t0.timeIntervalSince1970 + 3_600,
            "sub": "officer-7", "roles": ["admin"], "region": "620000",
        ])
        let forged = [parts[0], raised, parts[2]].joined(separator: ".")
        #expect(await refusal(forged, verifier: verifier)?.code == "auth.bad-signature")
    }

    @Test func aTamperedSignatureIsRefused() async throws {
        let verifier = try await TestIssuer.verifier(trusting: [key])
        let parts = try await TestIssuer.sign(with: key).split(separator: ".").map(String.init)
        var signature = Array(parts[2])
        signature[10] = signature[10] == "A" ? "B" : "A"
        let forged = [parts[0], parts[1], String(signature)].joined(separator: ".")
        #expect(await refusal(forged, verifier: verifier)?.code == "auth.bad-signature")
    }

    @Test func algNoneIsRefused() async throws {
        let verifier = try await TestIssuer.verifier(trusting: [key])
        let payload = try await TestIssuer.sign(with: key).split(separator: ".")[1]
        for header in [["alg": "none", "kid": "k1"], ["alg": "none"], ["alg": "NONE", "kid": "k1"]] {
            let unsigned = try TestIssuer.base64URL(json: header) + "." + payload + "."
            #expect(await refusal(unsigned, verifier: verifier)?.code == "auth.bad-signature")
        }
    }

    /// The classic key confusion: HS256 with the verifier's public key as the HMAC secret.
    @Test func hmacSignedWithThePublicKeyIsRefused() async throws {
        let verifier = try await TestIssuer.verifier(trusting: [key])
        for secret in [key.key.publicKey.pemRepresentation, try TestIssuer.jwks([key.jwk])] {
            let keys = JWTKeyCollection()
            await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256, kid: "k1")
            let token = try await keys.sign(TestIssuer.Claims(), kid: "k1")
            let refused = await refusal(token, verifier: verifier)
            #expect(refused?.code == "auth.bad-signature")
            #expect(refused?.detail.contains("HS256") == true)
        }
    }

    @Test func anUnknownKidIsRefused() async throws {
        let verifier = try await TestIssuer.verifier(trusting: [key])
        let stranger = TestIssuer.key("k9")
        #expect(await refusal(try await TestIssuer.sign(with: stranger), verifier: verifier)?.code == "auth.unknown-key")
        // A known kid on a token signed by another key is a bad signature, not a key fallback.
        #expect(await refusal(try await TestIssuer.sign(with: stranger, kid: "k1"), verifier: verifier)?.code == "auth.bad-signature")
    }

    @Test func aKeyRotatedInIsValidBesideTheOldOne() async throws {
        let next = TestIssuer.key("k2")
        let verifier = try await TestIssuer.verifier(trusting: [key, next])
        #expect(verifier.keyIDs == ["k1", "k2"])
        #expect(try await verifier.verify(try await TestIssuer.sign(with: key)).subject == "officer-7")
        #expect(try await verifier.verify(try await TestIssuer.sign(with: next)).subject == "officer-7")
        // With two keys a token must say which one.
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: key.key)
        #expect(await refusal(try await keys.sign(TestIssuer.Claims()), verifier: verifier)?.code == "auth.unknown-key")
    }

    @Test(arguments: ["", "abc", "a.b", "a.b.c.d", "!!!.e30.sig", "e30.e30.sig"])
    func garbageIsMalformed(_ token: String) async throws {
        let verifier = try await TestIssuer.verifier(trusting: [key])
        #expect(await refusal(token, verifier: verifier)?.code == "auth.token-malformed")
    }

    // MARK: Key files: PEM and JWKS, RS256 and EdDSA

    func temporaryFile(_ name: String, _ text: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("access-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func pemFilesNameTheirKidAfterTheFile() async throws {
        let rsa = try JWTKit.Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
        let ed = try EdDSA.PrivateKey(curve: .ed25519)
        let paths = [
            try temporaryFile("2026-10.pem", key.key.publicKey.pemRepresentation),
            try temporaryFile("rsa-1.pem", rsa.publicKey.pemRepresentation),
            try temporaryFile("ed-1.pem", ed.publicKey.pemRepresentation),
        ]
        let verifier = try await TokenVerifier.load(
            keyFiles: paths, configuration: .init(issuer: TestIssuer.issuer, audience: TestIssuer.audience), now: { TestIssuer.t0 })
        #expect(verifier.keyIDs == ["2026-10", "ed-1", "rsa-1"])

        #expect(await refusal(try await TestIssuer.sign(with: key, kid: "2026-10"), verifier: verifier) == nil)
        let rsaKeys = JWTKeyCollection()
        await rsaKeys.add(rsa: rsa, digestAlgorithm: .sha256, kid: "rsa-1")
        #expect(await refusal(try await rsaKeys.sign(TestIssuer.Claims(), kid: "rsa-1"), verifier: verifier) == nil)
        let edKeys = JWTKeyCollection()
        await edKeys.add(eddsa: ed, kid: "ed-1")
        #expect(await refusal(try await edKeys.sign(TestIssuer.Claims(), kid: "ed-1"), verifier: verifier) == nil)
        // The RSA key verifies RS256 only: an RS384 token naming it is refused before any check.
        let rs384 = JWTKeyCollection()
        await rs384.add(rsa: rsa, digestAlgorithm: .sha384, kid: "rsa-1")
        #expect(await refusal(try await rs384.sign(TestIssuer.Claims(), kid: "rsa-1"), verifier: verifier)?.code == "auth.bad-signature")
    }

    @Test func jwksWithRSAAndEdDSAKeysIsRead() async throws {
        let rsa = try JWTKit.Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
        let ed = try EdDSA.PrivateKey(curve: .ed25519)
        let rsaPublic = try JWTKit.Insecure.RSA.PublicKey(pem: rsa.publicKey.pemRepresentation)
        let edPublic = ed.publicKey
        let json = try TestIssuer.jwks([
            key.jwk,
            ["kty": "RSA", "kid": "r1", "n": try Self.modulus(rsaPublic), "e": "AQAB"],
            ["kty": "OKP", "crv": "Ed25519", "kid": "e1", "x": TestIssuer.base64URL(edPublic.rawRepresentation)],
        ])
        let verifier = try await TokenVerifier.jwks(json, configuration: .init(issuer: TestIssuer.issuer, audience: TestIssuer.audience),
                                                    now: { TestIssuer.t0 })
        #expect(verifier.keyIDs == ["e1", "k1", "r1"])
        let rsaKeys = JWTKeyCollection()
        await rsaKeys.add(rsa: rsa, digestAlgorithm: .sha256, kid: "r1")
        #expect(await refusal(try await rsaKeys.sign(TestIssuer.Claims(), kid: "r1"), verifier: verifier) == nil)
        let edKeys = JWTKeyCollection()
        await edKeys.add(eddsa: ed, kid: "e1")
        #expect(await refusal(try await edKeys.sign(TestIssuer.Claims(), kid: "e1"), verifier: verifier) == nil)
    }

    static func modulus(_ key: JWTKit.Insecure.RSA.PublicKey) throws -> String {
        let parameters = try key.getKeyPrimitives()
        return TestIssuer.base64URL(parameters.modulus)
    }

    @Test(arguments: [
        #"{"keys":[{"kty":"oct","kid":"h","k":"c2VjcmV0"}]}"#,
        #"{"keys":[{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}]}"#,
        #"{"keys":[{"kty":"EC","crv":"P-384","kid":"p","x":"AA","y":"AA"}]}"#,
        #"not json"#,
    ])
    func unacceptableKeySetsAreRefusedAtStart(_ json: String) async throws {
        await #expect(throws: VerificationKeyLoader.LoadError.self) {
            _ = try await TokenVerifier.jwks(json, configuration: .init(issuer: "i", audience: "a"))
        }
    }
}
