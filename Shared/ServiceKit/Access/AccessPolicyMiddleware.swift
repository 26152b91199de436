import Access
import Contracts
import Hummingbird

/// Refuses a request whose token holds none of its route's roles (403 `auth.role-not-allowed`),
/// before the request is validated or the route runs.
///
/// A matched route that is neither open nor in the `RouteTable` is refused too (403
/// `auth.no-policy`): access fails closed. Start-up already refuses such a route
/// (`ServiceRuntime`), so this only guards against a route added some other way.
public struct AccessPolicyMiddleware: RouterMiddleware {
    public typealias Context = ServiceRequestContext
    public static let noPolicyCode = "auth.no-policy"

    let table: RouteTable
    let openPaths: OpenPaths

    public init(table: RouteTable, openPaths: OpenPaths = .standard) {
        self.table = table
        self.openPaths = openPaths
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let endpoint = context.endpointPath, !openPaths.contains(request.uri.path) else {
            return try await next(request, context)  // unmatched (404) or open
        }
        guard let entry = table.entry(method: request.method, endpoint: endpoint) else {
            throw RuleViolation(Self.noPolicyCode, "\(request.method) \(endpoint) declares no access policy", kind: .forbidden)
        }
        try entry.policy.checkRoles(of: try context.requirePrincipal())
        return try await next(request, context)
    }
}
