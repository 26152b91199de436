import Access
import Contracts
import HTTPTypes
import Hummingbird

/// Verifies `Authorization: Bearer <JWT>` and puts the `Principal` into the request context.
///
/// Place it inside `ProblemMiddleware`, which answers its refusals as 401 problem+json with the
/// stable `auth.*` codes; the route never runs for a refused request, so nothing is written.
/// `OpenPaths` (health, metrics, the OpenAPI document) pass without a token.
public struct AuthenticationMiddleware<Context: AuthenticatedRequestContext>: RouterMiddleware {
    public let verifier: TokenVerifier
    public let openPaths: OpenPaths

    public init(verifier: TokenVerifier, openPaths: OpenPaths = .standard) {
        self.verifier = verifier
        self.openPaths = openPaths
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if openPaths.contains(request.uri.path) {
            return try await next(request, context)
        }
        let token = try Self.bearerToken(in: request.headers[.authorization])
        let principal = try await verifier.verify(token)
        var context = context
        context.principal = principal
        context.logger[metadataKey: "auth.sub"] = .string(principal.subject)
        return try await next(request, context)
    }

    /// The token of an `Authorization: Bearer <token>` header (the scheme is case-insensitive).
    static func bearerToken(in header: String?) throws(RuleViolation) -> Substring {
        guard let header, !header.isEmpty else {
            throw AccessRefusal.unauthenticated(AccessRefusal.tokenMissing, "this route needs Authorization: Bearer <JWT>")
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw AccessRefusal.unauthenticated(AccessRefusal.tokenMalformed, "the Authorization header is not Bearer <JWT>")
        }
        return parts[1].drop(while: { $0 == " " })
    }
}
