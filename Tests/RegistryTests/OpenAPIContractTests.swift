import Contracts
import Foundation
import Hummingbird
import Logging
import PostgresNIO
import ServiceKit
import Testing
import TestKit
import TestSupport
@testable import Registry

/// `Services/Registry/openapi.json` documents exactly the routes the Registry serves.
@Suite("Registry OpenAPI document", .tags(.unit))
struct OpenAPIContractTests {
    /// Added by `ServiceRuntime` for every service, outside `RegistryService.definition()`.
    static let platformRoutes: Set<String> = ["GET /health/live", "GET /health/ready", "GET /metrics"]

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

        let documented = try OpenAPIRoutes.documented(document)
        let served = try OpenAPIRoutes.served(RegistryService.definition(policy: try FuneralSettings.policy(environment: [:]))).union(Self.platformRoutes)
        let undocumented = served.subtracting(documented).sorted()
        let notServed = documented.subtracting(served).sorted()
        #expect(undocumented == [], "served but not in openapi.json")
        #expect(notServed == [], "in openapi.json but not served")
        // Not two empty sets agreeing: the Registry's own routes are there.
        #expect(served.subtracting(Self.platformRoutes).count == 23)
    }
}
