import ElderCareDomain
import Contracts
import Foundation
import Hummingbird
import Logging
import PostgresNIO
import ServiceKit
import Testing
import TestKit
import TestSupport
@testable import ElderCare

/// `Services/ElderCare/openapi.json` documents exactly the routes ElderCare serves.
///
/// Only the routes of `ElderCareService.definition()` are compared: the platform routes that
/// `ServiceRuntime` adds to every service (`/health/live`, `/health/ready`, `/metrics`) are left
/// out of this document on purpose, and the test checks that they stay out.
@Suite("ElderCare OpenAPI document", .tags(.unit))
struct ElderCareOpenAPIContractTests {
    /// Added by `ServiceRuntime` for every service, outside `ElderCareService.definition()`.
    static let platformRoutes: Set<String> = ["GET /health/live", "GET /health/ready", "GET /metrics"]

    static var documentURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("../../Services/ElderCare/openapi.json")
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

        let documented = try OpenAPIRoutes.documented(document)
        let served = try OpenAPIRoutes.served(ElderCareService.definition(policy: try ElderCarePolicy.fromEnvironment([:])))
        let undocumented = served.subtracting(documented).sorted()
        let notServed = documented.subtracting(served).sorted()
        #expect(undocumented.isEmpty, "served but not in openapi.json: \(undocumented.joined(separator: ", "))")
        #expect(notServed.isEmpty, "in openapi.json but not served: \(notServed.joined(separator: ", "))")
    }

    @Test func leavesOutThePlatformRoutes() throws {
        let documented = try OpenAPIRoutes.documented(try Self.document())
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
            for (method, operation) in try #require(item as? [String: Any]) where OpenAPIRoutes.httpMethods.contains(method) {
                let operation = try #require(operation as? [String: Any])
                ids.append(try #require(operation["operationId"] as? String, "\(method) without operationId"))
            }
        }
        #expect(Set(ids).count == ids.count, "duplicate operationIds")
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
