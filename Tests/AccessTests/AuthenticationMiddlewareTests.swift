import Access
import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import ServiceKit
import TestKit
import Testing

@Suite("Access: authentication middleware")
struct AuthenticationMiddlewareTests {
    let key = TestIssuer.key("k1")

    /// A router as a service will have it: problem+json outside, authentication inside, and a
    /// handler that shows the principal it was given.
    func app() async throws -> some ApplicationProtocol {
        let router = Router(context: AccessRequestContext.self)
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: AuthenticationMiddleware(verifier: try await TestIssuer.verifier(trusting: [key])))
        router.get("/whoami") { _, context -> String in
            let principal = try context.requirePrincipal()
            return "\(principal.subject) \(principal.roles.sorted().map(\.rawValue).joined(separator: ",")) \(principal.region)"
        }
        router.post("/rosters") { _, context -> String in
            let principal = try context.requirePrincipal()
            try RoutePolicy(roles: [.finance], region: .fromToken).checkRoles(of: principal)
            return "generated"
        }
        router.get("/health/live") { _, _ -> String in "ok" }
        return Application(router: router)
    }

    struct ProblemBody: Decodable { var status: Int; var code: String }

    func problem(_ response: TestResponse) throws -> ProblemBody {
        try JSONDecoder().decode(ProblemBody.self, from: Data(buffer: response.body))
    }

    @Test func noTokenIs401WithAStableCode() async throws {
        try await app().test(.router) { client in
            let response = try await client.execute(uri: "/whoami", method: .get)
            #expect(response.status == .unauthorized)
            #expect(response.headers[.contentType] == "application/problem+json")
            #expect(response.headers[.wwwAuthenticate] == "Bearer")
            let body = try problem(response)
            #expect(body.code == "auth.token-missing")
            #expect(body.status == 401)
        }
    }

    @Test func aGoodTokenReachesTheHandlerWithItsPrincipal() async throws {
        let token = try await TestIssuer.sign(with: key)
        try await app().test(.router) { client in
            let response = try await client.execute(uri: "/whoami", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == "officer-7 intake,reviewer 620423100")
        }
    }

    @Test func refusalsCarryTheirCodes() async throws {
        let good = try await TestIssuer.sign(with: key)
        var expired = TestIssuer.Claims()
        expired.exp = TestIssuer.t0.timeIntervalSince1970 - 3_600
        let expiredToken = try await TestIssuer.sign(expired, with: key)
        try await app().test(.router) { client in
            let cases: [(String, HTTPResponse.Status, String)] = [
                ("Basic dXNlcjpwYXNz", .unauthorized, "auth.token-malformed"),
                ("Bearer not-a-jwt", .unauthorized, "auth.token-malformed"),
                ("Bearer \(expiredToken)", .unauthorized, "auth.token-expired"),
                ("bearer \(good)", .ok, ""),
            ]
            for (header, status, code) in cases {
                let response = try await client.execute(uri: "/whoami", method: .get, headers: [.authorization: header])
                #expect(response.status == status, "\(header.prefix(20))")
                if !code.isEmpty { #expect(try problem(response).code == code) }
            }
        }
    }

    @Test func aRoleNotAllowedIs403() async throws {
        let token = try await TestIssuer.sign(with: key)
        try await app().test(.router) { client in
            let response = try await client.execute(uri: "/rosters", method: .post, headers: [.authorization: "Bearer \(token)"])
            #expect(response.status == .forbidden)
            #expect(try problem(response).code == "auth.role-not-allowed")
        }
    }

    @Test func healthNeedsNoToken() async throws {
        try await app().test(.router) { client in
            let response = try await client.execute(uri: "/health/live", method: .get)
            #expect(response.status == .ok)
        }
    }

    @Test func onlyHealthMetricsAndTheDocumentAreOpen() {
        let paths = OpenPaths.standard
        let open = ["/health/live", "/health/ready", "/metrics", "/metrics/", "/health", "/openapi.json"]
        let closed = ["/metricsx", "/healthy", "/marriages", "/", "/health-check", "/openapi.jsonx", "/audit-log"]
        #expect(open.filter { !paths.contains($0) } == [])
        #expect(closed.filter { paths.contains($0) } == [])
    }
}
