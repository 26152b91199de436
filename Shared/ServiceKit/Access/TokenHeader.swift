import Access
import Contracts
import Foundation

/// The JOSE header of a compact JWS, read before any key is chosen: the algorithm must be one the
/// verifier accepts and the `kid` must name a configured key, whatever jwt-kit would fall back to.
struct TokenHeader: Decodable {
    var alg: String
    var kid: String?

    /// Parses `header.payload.signature`; refuses anything that is not three base64url parts with
    /// a JSON header naming an algorithm.
    static func parse(_ token: Substring) throws(RuleViolation) -> TokenHeader {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw AccessRefusal.unauthenticated(AccessRefusal.tokenMalformed, "a bearer token is three base64url parts separated by dots")
        }
        guard let bytes = Data(base64URLEncoded: parts[0]),
              let header = try? JSONDecoder().decode(TokenHeader.self, from: bytes) else {
            throw AccessRefusal.unauthenticated(AccessRefusal.tokenMalformed, "the token's header is not base64url JSON with an alg")
        }
        return header
    }
}

extension Data {
    /// RFC 4648 §5 without padding, as JWS uses it.
    init?(base64URLEncoded text: Substring) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        self.init(base64Encoded: base64)
    }
}
