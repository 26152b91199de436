import Access
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PostgresNIO
import ServiceKit
import TestKit
import TestSupport
import Testing
import AssistanceDomain
@testable import Assistance
@testable import ElderCare
@testable import Registry

/// The role × route matrix, generated from each service's route policies as its served OpenAPI
/// document states them (`x-roles`, written from the route table the middleware enforces):
/// for every operation, every role not admitted gets 403 `auth.role-not-allowed`, no token gets
/// 401 `auth.token-missing`, and none of those refusals writes a row anywhere; every admitted role
/// passes access control (the answer is the route's own: 2xx, or 400/404/409/422 for the matrix's
/// placeholder ids and empty bodies, never 401 or 403).
@Suite("Access: the role × route matrix", .tags(.postgres, .kafka), .serialized)
struct RoleRouteMatrixTests {
    @Test func registry() async throws {
        try await check(RegistryService.definition(policy: try FuneralSettings.policy(environment: [:])))
    }

    @Test func assistance() async throws {
        try await check(AssistanceService.definition(policy: try AssistancePolicy.fromEnvironment([:])))
    }

    @Test func elderCare() async throws {
        try await check(ElderCareService.definition(policy: try ElderCarePolicy.fromEnvironment([:])))
    }

    func check(_ definition: ServiceDefinition) async throws {
        try await ServiceHarness.run(definition) { client, _, database in
            let document = try await client.anonymous.get("/openapi.json").json()
            let operations = try MatrixOperation.all(in: document)
            #expect(operations.count > 10, "the document lists \(operations.count) secured operations")

            // Refusals first, so that what admitted requests may write cannot hide a refused write.
            let before = try await MatrixRows.count(in: database)
            var mismatches: [String] = []
            for operation in operations {
                let anonymous = try await operation.send(with: client.anonymous)
                if anonymous.status != .unauthorized || anonymous.problemCode != "auth.token-missing" {
                    mismatches.append("\(operation) without a token: \(anonymous.status.code) \(anonymous.problemCode ?? "")")
                }
                for role in Role.allCases where !operation.roles.contains(role) {
                    let response = try await operation.send(with: try await client.acting(as: [role]))
                    if response.status != .forbidden || response.problemCode != "auth.role-not-allowed" {
                        mismatches.append("\(operation) as \(role.rawValue): \(response.status.code) \(response.problemCode ?? "")")
                    }
                }
            }
            let after = try await MatrixRows.count(in: database)
            #expect(after == before, "refused requests changed row counts")

            for operation in operations {
                for role in operation.roles {
                    let response = try await operation.send(with: try await client.acting(as: [role]))
                    if [401, 403].contains(response.status.code) || response.status.code >= 500 {
                        mismatches.append("\(operation) as admitted \(role.rawValue): \(response.status.code) \(response.problemCode ?? "")")
                    }
                }
            }
            #expect(mismatches == [])
        }
    }
}

/// One secured operation of a served document, with placeholder values for its parameters.
struct MatrixOperation: CustomStringConvertible {
    var method: HTTPRequest.Method
    var path: String
    var roles: Set<Role>

    var description: String { "\(method) \(path)" }

    static func all(in document: [String: Any]) throws -> [MatrixOperation] {
        let paths = document["paths"] as? [String: Any] ?? [:]
        var operations: [MatrixOperation] = []
        for (template, item) in paths {
            let item = item as? [String: Any] ?? [:]
            for (method, value) in item {
                guard let operation = value as? [String: Any], let roles = operation["x-roles"] as? [String],
                      let httpMethod = HTTPRequest.Method(method.uppercased())
                else { continue }
                let path = try instantiate(template, parameters: (operation["parameters"] as? [Any] ?? []) + (item["parameters"] as? [Any] ?? []),
                                           document: document)
                operations.append(MatrixOperation(method: httpMethod, path: path, roles: Set(roles.compactMap(Role.init(rawValue:)))))
            }
        }
        return operations.sorted { $0.description < $1.description }
    }

    /// `/cases/{id}` → `/cases/<a UUID>`, and required query parameters added: each from its
    /// schema's example, a fresh UUID for a UUID, else a short text.
    static func instantiate(_ template: String, parameters: [Any], document: [String: Any]) throws -> String {
        var path = template
        var query: [String] = []
        for entry in parameters {
            guard let parameter = resolve(entry, in: document), let name = parameter["name"] as? String else { continue }
            let schema = resolve(parameter["schema"] as Any, in: document) ?? [:]
            let value = (schema["examples"] as? [Any])?.first.map { "\($0)" } ?? (schema["example"]).map { "\($0)" }
                ?? ((schema["format"] as? String) == "uuid" ? UUID().uuidString.lowercased() : "matrix")
            switch parameter["in"] as? String {
            case "path": path = path.replacingOccurrences(of: "{\(name)}", with: value)
            case "query" where parameter["required"] as? Bool == true: query.append("\(name)=\(value)")
            default: break
            }
        }
        return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
    }

    static func resolve(_ value: Any, in document: [String: Any]) -> [String: Any]? {
        guard let object = value as? [String: Any] else { return nil }
        guard let reference = object["$ref"] as? String, reference.hasPrefix("#/") else { return object }
        var node: Any = document
        for token in reference.dropFirst(2).split(separator: "/") {
            guard let next = (node as? [String: Any])?[String(token)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    func send(with client: AuthorizingTestClient) async throws -> TestResponse {
        let body: ByteBuffer? = method == .get || method == .delete ? nil : ByteBuffer(string: "{}")
        return try await client.execute(uri: path, method: method, headers: [.contentType: "application/json"], body: body)
    }
}

/// The number of rows in every table of a service's database.
enum MatrixRows {
    static func count(in database: TestDatabase) async throws -> [String: Int] {
        var tables: [String] = []
        for try await name in try await database.client.query(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", logger: TestKafka.logger
        ).decode(String.self) {
            tables.append(name)
        }
        var counts: [String: Int] = [:]
        for table in tables {
            let rows = try await database.client.query(PostgresQuery(unsafeSQL: "SELECT count(*)::bigint FROM \"\(table)\""),
                                                       logger: TestKafka.logger)
            for try await count in rows.decode(Int64.self) { counts[table] = Int(count) }
        }
        return counts
    }
}
