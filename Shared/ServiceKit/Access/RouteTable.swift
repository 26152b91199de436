import Access
import Contracts
import Hummingbird
import Synchronization

/// Finds the region of the stored record a route reads or changes, before its handler runs; nil
/// when there is no such record (the handler then answers 404 as usual).
public typealias RecordRegionResolver = @Sendable (Request, ServiceRequestContext) async throws -> RegionCode?

/// Every route's policy, by operation (`"GET /cases/{id}"`, the OpenAPI form), as `SecuredRoutes`
/// registered them. Filled while the routes are registered, read by the access middleware on every
/// request and by the OpenAPI document the service serves.
public final class RouteTable: Sendable {
    public struct Entry: Sendable {
        public var policy: RoutePolicy
        var resolver: RecordRegionResolver?
    }

    private let entries = Mutex<[String: Entry]>([:])

    public init() {}

    /// `"POST /cases/{id}/change-reports"` for a method and a Hummingbird route path.
    public static func operation(method: String, route: String) -> String {
        "\(method.uppercased()) \(OpenAPIDocument.path(ofRoute: route))"
    }

    func register(_ operation: String, policy: RoutePolicy, resolver: RecordRegionResolver?) {
        entries.withLock { $0[operation] = Entry(policy: policy, resolver: resolver) }
    }

    /// The entry of the route a request matched (`context.endpointPath`).
    func entry(method: HTTPRequest.Method, endpoint: String) -> Entry? {
        let key = Self.operation(method: method.rawValue, route: endpoint)
        return entries.withLock { $0[key] }
    }

    /// Every registered operation and its policy.
    public var policies: [String: RoutePolicy] {
        entries.withLock { $0.mapValues(\.policy) }
    }

    /// Routes whose policy cannot be enforced as declared: a `.record` region without a resolver.
    public var misconfigured: [String] {
        entries.withLock { entries in
            entries.filter { _, entry in entry.policy.region == .record && entry.resolver == nil }.keys.sorted()
        }
    }
}
