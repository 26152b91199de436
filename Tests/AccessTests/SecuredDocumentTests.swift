import Access
import Foundation
@testable import ServiceKit
import TestKit
import Testing

/// The served OpenAPI document states each operation's policy, written from the route table.
@Suite("Access: the secured OpenAPI document", .tags(.unit))
struct SecuredDocumentTests {
    static let document = #"""
    {"openapi":"3.1.0","info":{"title":"t","version":"1"},
     "paths":{"/cases/{id}":{"get":{"responses":{"200":{"description":"ok"}}},
                             "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string","format":"uuid"}}]},
              "/standards":{"post":{"responses":{"201":{"description":"ok"}}}},
              "/health/live":{"get":{"responses":{"200":{"description":"ok"}}}}},
     "components":{"schemas":{"Problem":{"type":"object"}},"headers":{"RequestID":{"schema":{"type":"string"}}}}}
    """#

    func secured() throws -> [String: Any] {
        let policies: [String: RoutePolicy] = [
            "GET /cases/{id}": RoutePolicy(roles: [.reviewer, .auditor], region: .record, personalData: true),
            "POST /standards": RoutePolicy(roles: [.policy], region: .body("region")),
        ]
        let served = try OpenAPIDocument(data: Data(Self.document.utf8)).secured(by: policies)
        return try #require(try JSONSerialization.jsonObject(with: served.data) as? [String: Any])
    }

    func operation(_ root: [String: Any], _ path: String, _ method: String) -> [String: Any] {
        ((root["paths"] as? [String: Any])?[path] as? [String: Any])?[method] as? [String: Any] ?? [:]
    }

    @Test func eachOperationNamesItsRolesRegionSecurityAndRefusals() throws {
        let root = try secured()
        let read = operation(root, "/cases/{id}", "get")
        #expect(read["x-roles"] as? [String] == ["admin", "auditor", "reviewer"])
        #expect(read["x-region"] as? String == "record")
        #expect(read["x-audited"] as? Bool == true)
        #expect(read["security"] as? [[String: [String]]] == [["bearerJWT": []]])
        let responses = read["responses"] as? [String: Any] ?? [:]
        #expect((responses["401"] as? [String: String])?["$ref"] == "#/components/responses/Unauthorized")
        #expect((responses["403"] as? [String: String])?["$ref"] == "#/components/responses/Forbidden")
        let write = operation(root, "/standards", "post")
        #expect(write["x-roles"] as? [String] == ["admin", "policy"])
        #expect(write["x-region"] as? String == "body:region")
        #expect(write["x-audited"] as? Bool == true)
    }

    @Test func operationsWithoutAPolicyAreMarkedOpen() throws {
        let health = operation(try secured(), "/health/live", "get")
        #expect((health["security"] as? [Any])?.isEmpty == true)
        #expect(health["x-roles"] == nil)
    }

    @Test func theBearerSchemeAndTheRefusalResponsesAreDefined() throws {
        let components = try secured()["components"] as? [String: Any] ?? [:]
        let scheme = (components["securitySchemes"] as? [String: Any])?["bearerJWT"] as? [String: Any] ?? [:]
        #expect(scheme["type"] as? String == "http")
        #expect(scheme["scheme"] as? String == "bearer")
        #expect(scheme["bearerFormat"] as? String == "JWT")
        let responses = components["responses"] as? [String: Any] ?? [:]
        #expect(responses["Unauthorized"] != nil)
        #expect(responses["Forbidden"] != nil)
    }
}
