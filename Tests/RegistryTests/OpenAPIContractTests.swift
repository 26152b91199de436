import Contracts
import Foundation
import Hummingbird
import Logging
import PostgresNIO
import ServiceKit
import Testing
@testable import Registry

/// `Services/Registry/openapi.json` documents exactly the routes the Registry serves.
@Suite("Registry OpenAPI document")
struct OpenAPIContractTests {
    /// Added by `ServiceRuntime` for every service, outside `RegistryService.definition()`.
    static let platformRoutes: Set<String> = ["GET /health/live", "GET /health/ready", "GET /metrics"]

    static let httpMethods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    static var documentURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("../../Services/Registry/openapi.json")
            .standardizedFileURL
    }

    @Test func documentsExactlyTheServedRoutes() throws {
        let data = try Data(contentsOf: Self.documentURL)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let version = try #require(document["openapi"] as? String)
        #expect(version.hasPrefix("3.1"), "openapi is \(version)")

        let documented = try Self.documentedRoutes(document)
        let served = try Self.servedRoutes()
        let undocumented = served.subtracting(documented).sorted()
        let notServed = documented.subtracting(served).sorted()
        #expect(undocumented.isEmpty, "served but not in openapi.json: \(undocumented.joined(separator: ", "))")
        #expect(notServed.isEmpty, "in openapi.json but not served: \(notServed.joined(separator: ", "))")
    }

    /// `"GET /marriages/{id}"` for every operation under `paths`.
    static func documentedRoutes(_ document: [String: Any]) throws -> Set<String> {
        let paths = try #require(document["paths"] as? [String: Any])
        var routes: Set<String> = []
        for (path, item) in paths {
            let operations = try #require(item as? [String: Any], "path item \(path) is not an object")
            for method in operations.keys where httpMethods.contains(method) {
                routes.insert("\(method.uppercased()) \(path)")
            }
        }
        return routes
    }

    /// The Registry's routes, built as `ServiceRuntime` builds them (the database client is never run,
    /// so nothing connects), plus the platform routes.
    static func servedRoutes() throws -> Set<String> {
        let router = Router(context: ServiceRequestContext.self)
        let dependencies = ServiceDependencies(
            domain: .registry,
            database: PostgresClient(
                configuration: .init(host: "127.0.0.1", port: 5432, username: "x", password: "x", database: "x", tls: .disable),
                backgroundLogger: Logger(label: "test")),
            personRefKey: try PersonRefKey(hex: String(repeating: "ab", count: 32)),
            logger: Logger(label: "test"))
        RegistryService.definition(policy: try FuneralSettings.policy(environment: [:])).routes(router, dependencies)
        let routes = router.routes.map { "\($0.method.rawValue) \(openAPIPath($0.path.description))" }
        return Set(routes).union(platformRoutes)
    }

    /// `/marriages/:id` → `/marriages/{id}`. (Hummingbird 2.28 already renders captures as `{id}`.)
    static func openAPIPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            .joined(separator: "/")
    }
}
