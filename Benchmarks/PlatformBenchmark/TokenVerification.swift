import Foundation
import JWTKit
import ServiceKit

/// What verifying a bearer token adds per request: `TokenVerifier.verify` with its key parsed once
/// at start-up (header, ES256 signature, claims), against decoding the same token's payload without
/// verifying it (jwt-kit's `unverified`) as the baseline.
enum TokenVerification {
    struct Claims: JWTPayload {
        var iss: IssuerClaim
        var aud: AudienceClaim
        var exp: ExpirationClaim
        var sub: SubjectClaim
        var roles: [String]
        var region: String

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    struct Result {
        var verifyMicroseconds: Double
        var decodeMicroseconds: Double
    }

    static func run(iterations: Int) async throws -> Result {
        let key = ES256PrivateKey()
        guard let parameters = key.parameters else { throw BenchError.setup("no EC parameters") }
        let jwks = #"{"keys":[{"kty":"EC","crv":"P-256","alg":"ES256","kid":"bench","x":"\#(parameters.x)","y":"\#(parameters.y)"}]}"#
        let verifier = try await TokenVerifier.jwks(jwks, configuration: .init(issuer: "urn:bench", audience: "urn:bench:services"))
        let signing = JWTKeyCollection()
        await signing.add(ecdsa: key, kid: "bench")
        let claims = Claims(iss: "urn:bench", aud: "urn:bench:services", exp: .init(value: Date().addingTimeInterval(3_600)),
                            sub: "officer-7", roles: ["intake", "reviewer"], region: "620423100")
        let token = try await signing.sign(claims, kid: "bench")
        let decoder = JWTKeyCollection()

        // Warm-up, and proof that the token is accepted.
        for _ in 0..<200 {
            _ = try await verifier.verify(token)
            _ = try await decoder.unverified(token, as: Claims.self)
        }
        let clock = ContinuousClock()
        let verifying = try await clock.measure {
            for _ in 0..<iterations { _ = try await verifier.verify(token) }
        }
        let decoding = try await clock.measure {
            for _ in 0..<iterations { _ = try await decoder.unverified(token, as: Claims.self) }
        }
        func microseconds(_ duration: Duration) -> Double {
            (Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12) / Double(iterations)
        }
        return Result(verifyMicroseconds: microseconds(verifying), decodeMicroseconds: microseconds(decoding))
    }
}
