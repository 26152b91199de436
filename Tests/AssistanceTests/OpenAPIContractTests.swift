import Contracts
import Foundation
import Hummingbird
import Logging
import PostgresNIO
import ServiceKit
import Testing
@testable import Assistance

/// `Services/Assistance/openapi.json` documents exactly the routes Assistance serves.
///
/// Only the routes of `AssistanceService.definition()` are compared: the platform routes that
/// `ServiceRuntime` adds to every service (`/health/live`, `/health/ready`, `/metrics`) are left
/// out of this document on purpose, and the test checks that they stay out.
@Suite("Assistance OpenAPI document")
struct AssistanceOpenAPIContractTests {
    /// Added by `ServiceRuntime` for every service, outside `AssistanceService.definition()`.
    static let platformRoutes: Set<String> = ["GET /health/live", "GET /health/ready", "GET /metrics"]

    static let httpMethods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    static var documentURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("../../Services/Assistance/openapi.json")
            .standardizedFileURL
    }

    static func document() throws -> [String: Any] {
        let data = try Data(contentsOf: documentURL)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func documentsExactlyTheServedRoutes() throws {
        let document = try Self.document()
        let version = try #require(document["openapi"] as? String)
        #expect(version.hasPrefix("3.1"), "openapi is \(version)")

        let documented = try Self.documentedRoutes(document)
        let served = try Self.servedRoutes()
        let undocumented = served.subtracting(documented).sorted()
        let notServed = documented.subtracting(served).sorted()
        #expect(undocumented.isEmpty, "served but not in openapi.json: \(undocumented.joined(separator: ", "))")
        #expect(notServed.isEmpty, "in openapi.json but not served: \(notServed.joined(separator: ", "))")
    }

    @Test func leavesOutThePlatformRoutes() throws {
        let documented = try Self.documentedRoutes(try Self.document())
        let platform = documented.intersection(Self.platformRoutes).sorted()
        #expect(platform.isEmpty, "platform routes belong to the runtime, not this document: \(platform.joined(separator: ", "))")
    }

    /// Every `$ref` points at something in `components`, and every operation has a unique `operationId`.
    @Test func referencesResolveAndOperationIDsAreUnique() throws {
        let document = try Self.document()
        var refs: [String] = []
        Self.collectRefs(document, into: &refs)
        for ref in Set(refs).sorted() {
            #expect(Self.resolve(ref, in: document) != nil, "unresolved $ref \(ref)")
        }
        let paths = try #require(document["paths"] as? [String: Any])
        var ids: [String] = []
        for (_, item) in paths {
            for (method, operation) in try #require(item as? [String: Any]) where Self.httpMethods.contains(method) {
                let operation = try #require(operation as? [String: Any])
                ids.append(try #require(operation["operationId"] as? String, "\(method) without operationId"))
            }
        }
        #expect(Set(ids).count == ids.count, "duplicate operationIds")
    }

    /// `"GET /applications/{id}"` for every operation under `paths`.
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

    /// The routes of `AssistanceService.definition()`, registered on a router as `ServiceRuntime`
    /// does (the database client is never run, so nothing connects).
    static func servedRoutes() throws -> Set<String> {
        let router = Router(context: ServiceRequestContext.self)
        let dependencies = ServiceDependencies(
            domain: .assistance,
            database: PostgresClient(
                configuration: .init(host: "127.0.0.1", port: 5432, username: "x", password: "x", database: "x", tls: .disable),
                backgroundLogger: Logger(label: "test")),
            personRefKey: try PersonRefKey(hex: String(repeating: "ab", count: 32)),
            logger: Logger(label: "test"))
        AssistanceService.definition(policy: try AssistancePolicy.fromEnvironment([:])).routes(router, dependencies)
        return Set(router.routes.map { "\($0.method.rawValue) \(openAPIPath($0.path.description))" })
    }

    /// `/applications/:id` → `/applications/{id}`. (Hummingbird 2.28 already renders captures as `{id}`.)
    static func openAPIPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            .joined(separator: "/")
    }

    static func collectRefs(_ value: Any, into refs: inout [String]) {
        if let object = value as? [String: Any] {
            if let ref = object["$ref"] as? String { refs.append(ref) }
            for (_, child) in object { collectRefs(child, into: &refs) }
        } else if let array = value as? [Any] {
            for child in array { collectRefs(child, into: &refs) }
        }
    }

    /// Resolves a local JSON pointer such as `#/components/schemas/Problem`.
    static func resolve(_ ref: String, in document: [String: Any]) -> Any? {
        guard ref.hasPrefix("#/") else { return nil }
        var node: Any = document
        for token in ref.dropFirst(2).split(separator: "/") {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let object = node as? [String: Any], let next = object[key] else { return nil }
            node = next
        }
        return node
    }
}
