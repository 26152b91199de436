import Access
import Contracts
import Foundation
import Hummingbird

/// Refuses a request for a record outside the token's region (403 `auth.outside-region`), after
/// the request passed validation and before the route runs, so nothing is written.
///
/// The route's `RoutePolicy.region` says where the record's region is: a query or path parameter,
/// a top-level body field, or the stored record (its resolver). A region that is absent or not a
/// code is left to the route, which refuses it with its own stable code; a record that does not
/// exist is left to the route's 404.
public struct RegionScopeMiddleware: RouterMiddleware {
    public typealias Context = ServiceRequestContext

    let table: RouteTable

    public init(table: RouteTable) {
        self.table = table
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let endpoint = context.endpointPath, let entry = table.entry(method: request.method, endpoint: endpoint) else {
            return try await next(request, context)
        }
        var request = request
        let region: RegionCode?
        switch entry.policy.region {
        case .none, .fromToken:
            region = nil
        case .query(let name):
            region = request.uri.queryParameters.get(name).flatMap(Self.region(in:))
        case .path(let name):
            region = context.parameters.get(name).flatMap(Self.region(in:))
        case .body(let name):
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]
            region = (object?[name] as? String).flatMap(Self.region(in:))
        case .record:
            region = try await entry.resolver?(request, context)
        }
        if let region {
            try RegionScope.check(try context.requirePrincipal(), record: region)
        }
        return try await next(request, context)
    }

    /// The region a value names: a region code, or a code that begins with one, such as a
    /// registration office `620423-01` (its bureau's region, then the office number).
    static func region(in value: some StringProtocol) -> RegionCode? {
        try? RegionCode(String(value.prefix { $0.isASCII && $0.isNumber }))
    }
}
