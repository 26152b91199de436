import Access
import Contracts
import Hummingbird

/// A request context that can carry the verified `Principal`: `AuthenticationMiddleware` sets it,
/// route handlers read it (and the policy checks use it).
public protocol AuthenticatedRequestContext: RequestContext {
    var principal: Principal? { get set }
}

extension AuthenticatedRequestContext {
    /// The principal `AuthenticationMiddleware` verified; refuses with `auth.token-missing` (401)
    /// when the route was reached without one, so a handler never acts for nobody.
    public func requirePrincipal() throws(RuleViolation) -> Principal {
        guard let principal else {
            throw AccessRefusal.unauthenticated(AccessRefusal.tokenMissing, "this route needs Authorization: Bearer <JWT>")
        }
        return principal
    }
}

/// The request context of an authenticated router: Hummingbird's core storage plus the principal.
public struct AccessRequestContext: AuthenticatedRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var principal: Principal?

    public init(source: Source) {
        coreContext = .init(source: source)
        principal = nil
    }
}
