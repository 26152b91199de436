import Access
import Hummingbird

/// The only way a service registers a route: with its `RoutePolicy` beside it.
///
/// ```swift
/// routes.get("/cases/:id", RoutePolicy(roles: [.intake, .reviewer], region: .record, personalData: true),
///            regionOf: { request, context in try await CaseStore.region(of: …) }) { request, context in … }
/// ```
/// The policy is enforced before the handler runs (`AccessPolicyMiddleware`: roles, then the
/// region once the request passed validation) and decides the audit (`AuditMiddleware`); the
/// runtime also publishes it in the served OpenAPI document (`x-roles`, `security`).
public struct SecuredRoutes {
    let router: Router<ServiceRequestContext>
    public let table: RouteTable

    public init(router: Router<ServiceRequestContext>, table: RouteTable) {
        self.router = router
        self.table = table
    }

    /// Registers `handler` for `method` on `path` under `policy`. A `.record` region needs
    /// `regionOf`; the runtime refuses to start if one is missing (`RouteTable.misconfigured`).
    @discardableResult
    public func on<Output: ResponseGenerator>(
        _ path: String, method: HTTPRequest.Method, _ policy: RoutePolicy, regionOf: RecordRegionResolver? = nil,
        use handler: @escaping @Sendable (Request, ServiceRequestContext) async throws -> Output
    ) -> Self {
        table.register(RouteTable.operation(method: method.rawValue, route: path), policy: policy, resolver: regionOf)
        router.on(RouterPath(path), method: method, use: handler)
        return self
    }

    @discardableResult
    public func get<Output: ResponseGenerator>(
        _ path: String, _ policy: RoutePolicy, regionOf: RecordRegionResolver? = nil,
        use handler: @escaping @Sendable (Request, ServiceRequestContext) async throws -> Output
    ) -> Self {
        on(path, method: .get, policy, regionOf: regionOf, use: handler)
    }

    @discardableResult
    public func post<Output: ResponseGenerator>(
        _ path: String, _ policy: RoutePolicy, regionOf: RecordRegionResolver? = nil,
        use handler: @escaping @Sendable (Request, ServiceRequestContext) async throws -> Output
    ) -> Self {
        on(path, method: .post, policy, regionOf: regionOf, use: handler)
    }

    @discardableResult
    public func put<Output: ResponseGenerator>(
        _ path: String, _ policy: RoutePolicy, regionOf: RecordRegionResolver? = nil,
        use handler: @escaping @Sendable (Request, ServiceRequestContext) async throws -> Output
    ) -> Self {
        on(path, method: .put, policy, regionOf: regionOf, use: handler)
    }

    @discardableResult
    public func delete<Output: ResponseGenerator>(
        _ path: String, _ policy: RoutePolicy, regionOf: RecordRegionResolver? = nil,
        use handler: @escaping @Sendable (Request, ServiceRequestContext) async throws -> Output
    ) -> Self {
        on(path, method: .delete, policy, regionOf: regionOf, use: handler)
    }
}
