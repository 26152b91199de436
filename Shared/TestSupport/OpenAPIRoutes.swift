import Contracts
import Foundation
import Hummingbird
import Logging
import PostgresNIO
import ServiceKit

/// Compares a service's OpenAPI document with the routes it serves: `"GET /cases/{id}"` on both sides.
public enum OpenAPIRoutes {
    public static let httpMethods = OpenAPIDocument.methods

    public struct MalformedDocument: Error, CustomStringConvertible {
        public let description: String
    }

    /// Every operation under `paths`.
    public static func documented(_ document: [String: Any]) throws -> Set<String> {
        guard let paths = document["paths"] as? [String: Any] else { throw MalformedDocument(description: "no paths object") }
        var routes: Set<String> = []
        for (path, item) in paths {
            guard let operations = item as? [String: Any] else { throw MalformedDocument(description: "path item \(path) is not an object") }
            for method in operations.keys where httpMethods.contains(method) {
                routes.insert("\(method.uppercased()) \(path)")
            }
        }
        return routes
    }

    /// The routes `definition` registers, on a router as `ServiceRuntime` does (the database
    /// client is never run, so nothing connects).
    public static func served(_ definition: ServiceDefinition) throws -> Set<String> {
        let router = Router(context: ServiceRequestContext.self)
        let dependencies = ServiceDependencies(
            domain: definition.domain,
            database: PostgresClient(
                configuration: .init(host: "127.0.0.1", port: 5432, username: "x", password: "x", database: "x", tls: .disable),
                backgroundLogger: Logger(label: "test")),
            personRefKey: try PersonRefKey(hex: String(repeating: "ab", count: 32)),
            logger: Logger(label: "test"))
        definition.routes(SecuredRoutes(router: router, table: RouteTable()), dependencies)
        return Set(router.routes.map { "\($0.method.rawValue) \(OpenAPIDocument.path(ofRoute: $0.path.description))" })
    }
}
