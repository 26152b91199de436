import Access
import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import ServiceKit
import Synchronization
import TestKit
import TestSupport
import Testing

/// The route-level access checks on a router built as `ServiceRuntime` builds it, with handlers
/// that count their runs, so a refusal is seen not to reach them.
@Suite("Access: route policies and region scope", .tags(.unit))
struct SecuredRoutesTests {
    /// Where the stored "things" lie, as a record resolver finds them.
    static let regions = ["11111111-1111-1111-1111-111111111111": "620423", "22222222-2222-2222-2222-222222222222": "620422100"]

    final class Runs: Sendable {
        let count = Atomic<Int>(0)
        func add() { count.add(1, ordering: .relaxed) }
        var value: Int { count.load(ordering: .relaxed) }
    }

    func app(runs: Runs) async throws -> some ApplicationProtocol {
        let verifier = try await TokenVerifier.load(keyFiles: [TestTokens.jwksFile],
                                                    configuration: .init(issuer: TokenDefaults.issuer, audience: TokenDefaults.audience))
        let table = RouteTable()
        let router = Router(context: ServiceRequestContext.self)
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: AuthenticationMiddleware(verifier: verifier))
        router.add(middleware: AccessPolicyMiddleware(table: table))
        router.add(middleware: RegionScopeMiddleware(table: table))
        let routes = SecuredRoutes(router: router, table: table)
        routes.get("/things/:id", RoutePolicy(roles: [.reviewer, .auditor], region: .record, personalData: true),
                   regionOf: { _, context in
                       let id = try context.parameters.require("id")
                       return try Self.regions[id].map { try RegionCode($0) }
                   }) { _, context -> String in
            runs.add()
            let id = try context.parameters.require("id")
            guard Self.regions[id] != nil else { throw RuleViolation("thing.not-found", "no thing \(id)", kind: .notFound) }
            return "thing \(id)"
        }
        routes.post("/things", RoutePolicy(roles: [.intake], region: .body("office"))) { _, _ -> String in
            runs.add()
            return "created"
        }
        routes.get("/rosters", RoutePolicy(roles: [.finance], region: .query("region"))) { _, _ -> String in
            runs.add()
            return "roster"
        }
        routes.post("/reserve-funds/:township/top-ups", RoutePolicy(roles: [.finance], region: .path("township"))) { _, _ -> String in
            runs.add()
            return "topped up"
        }
        routes.get("/mine", RoutePolicy(roles: [.intake], region: .fromToken)) { _, context -> String in
            runs.add()
            return "listing for \(try context.requirePrincipal().region)"
        }
        router.get("/health/live") { _, _ -> String in "ok" }
        return Application(router: router)
    }

    func send(_ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, body: String? = nil,
              roles: [Role]?, region: String = "620423") async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let roles { headers[.authorization] = "Bearer \(try await TestTokens.token(roles, region: region))" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    @Test func anAdmittedRoleReachesTheRouteAndAdminIsAdmittedEverywhere() async throws {
        let runs = Runs()
        try await app(runs: runs).test(.router) { client in
            let reviewer = try await send(client, .get, "/things/11111111-1111-1111-1111-111111111111", roles: [.reviewer])
            #expect(reviewer.status == .ok)
            let admin = try await send(client, .get, "/things/11111111-1111-1111-1111-111111111111", roles: [.admin])
            #expect(admin.status == .ok)
            let twoRoles = try await send(client, .get, "/things/11111111-1111-1111-1111-111111111111", roles: [.intake, .auditor])
            #expect(twoRoles.status == .ok)
        }
        #expect(runs.value == 3)
    }

    @Test func anotherRoleIs403AndTheRouteNeverRuns() async throws {
        let runs = Runs()
        try await app(runs: runs).test(.router) { client in
            let response = try await send(client, .post, "/things", body: #"{"office":"620423-01"}"#, roles: [.finance])
            #expect(response.status == .forbidden)
            #expect(response.problemCode == "auth.role-not-allowed")
            let anonymous = try await send(client, .post, "/things", body: #"{"office":"620423-01"}"#, roles: nil)
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.problemCode == "auth.token-missing")
        }
        #expect(runs.value == 0)
    }

    @Test func aRecordOutsideTheTokensRegionIs403BeforeTheRouteRuns() async throws {
        let runs = Runs()
        try await app(runs: runs).test(.router) { client in
            // The thing lies in 会宁县's township 620422100; a 景泰县 (620423) reviewer may not see it.
            let sibling = try await send(client, .get, "/things/22222222-2222-2222-2222-222222222222", roles: [.reviewer])
            #expect(sibling.status == .forbidden)
            #expect(sibling.problemCode == "auth.outside-region")
            // A township officer may not see a county-level record.
            let township = try await send(client, .get, "/things/11111111-1111-1111-1111-111111111111", roles: [.reviewer],
                                          region: "620423100")
            #expect(township.problemCode == "auth.outside-region")
            #expect(runs.value == 0)
            // The city sees both.
            let city = try await send(client, .get, "/things/22222222-2222-2222-2222-222222222222", roles: [.reviewer], region: "620400")
            #expect(city.status == .ok)
        }
        #expect(runs.value == 1)
    }

    @Test func aRecordThatDoesNotExistIsLeftToTheRoutes404() async throws {
        let runs = Runs()
        try await app(runs: runs).test(.router) { client in
            let response = try await send(client, .get, "/things/33333333-3333-3333-3333-333333333333", roles: [.reviewer])
            #expect(response.status == .notFound)
            #expect(response.problemCode == "thing.not-found")
        }
        #expect(runs.value == 1)
    }

    @Test func regionsInTheBodyQueryAndPathAreChecked() async throws {
        let runs = Runs()
        try await app(runs: runs).test(.router) { client in
            // An office code begins with its bureau's region.
            let ownOffice = try await send(client, .post, "/things", body: #"{"office":"620423-01"}"#, roles: [.intake])
            #expect(ownOffice.status == .ok)
            let otherOffice = try await send(client, .post, "/things", body: #"{"office":"620422-01"}"#, roles: [.intake])
            #expect(otherOffice.problemCode == "auth.outside-region")
            let ownRoster = try await send(client, .get, "/rosters?region=620423100", roles: [.finance])
            #expect(ownRoster.status == .ok)
            let otherRoster = try await send(client, .get, "/rosters?region=620422", roles: [.finance])
            #expect(otherRoster.problemCode == "auth.outside-region")
            let ownTownship = try await send(client, .post, "/reserve-funds/620423100/top-ups", body: "{}", roles: [.finance])
            #expect(ownTownship.status == .ok)
            let otherTownship = try await send(client, .post, "/reserve-funds/620422100/top-ups", body: "{}", roles: [.finance])
            #expect(otherTownship.problemCode == "auth.outside-region")
        }
        #expect(runs.value == 3)
    }

    @Test func aRegionThatIsNotACodeIsLeftToTheRoutesOwnRefusal() async throws {
        let runs = Runs()
        try await app(runs: runs).test(.router) { client in
            let response = try await send(client, .get, "/rosters?region=nowhere", roles: [.finance])
            #expect(response.status == .ok)  // this test route accepts anything; a real one refuses with its own code
        }
        #expect(runs.value == 1)
    }

    @Test func aTokenRegionRouteSeesThePrincipal() async throws {
        try await app(runs: Runs()).test(.router) { client in
            let response = try await send(client, .get, "/mine", roles: [.intake], region: "620423100")
            #expect(String(buffer: response.body) == "listing for 620423100")
        }
    }

    @Test func openPathsNeedNoToken() async throws {
        try await app(runs: Runs()).test(.router) { client in
            let response = try await client.execute(uri: "/health/live", method: .get)
            #expect(response.status == .ok)
        }
    }

    @Test func startUpRefusesARouteWithoutAPolicyOrAResolver() {
        let table = RouteTable()
        let router = Router(context: ServiceRequestContext.self)
        let routes = SecuredRoutes(router: router, table: table)
        routes.get("/cases/:id", RoutePolicy(roles: [.reviewer], region: .record)) { _, _ in "no resolver" }
        routes.get("/standards", RoutePolicy(roles: [.policy], region: .none)) { _, _ in "fine" }
        router.post("/backdoor") { _, _ in "registered around SecuredRoutes" }
        router.get("/health/live") { _, _ in "open" }
        let check = AccessConfigurationCheck(router: router, table: table)
        #expect(check.unchecked == ["GET /cases/{id}", "POST /backdoor"])
        #expect(throws: AccessConfigurationCheck.Unchecked.self) { try check.verify() }
    }

    @Test func aMatchedRouteWithoutAPolicyFailsClosed() async throws {
        let verifier = try await TokenVerifier.load(keyFiles: [TestTokens.jwksFile],
                                                    configuration: .init(issuer: TokenDefaults.issuer, audience: TokenDefaults.audience))
        let router = Router(context: ServiceRequestContext.self)
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: AuthenticationMiddleware(verifier: verifier))
        router.add(middleware: AccessPolicyMiddleware(table: RouteTable()))
        router.get("/backdoor") { _, _ in "should not be reached" }
        let token = try await TestTokens.admin()
        try await Application(router: router).test(.router) { client in
            let response = try await client.execute(uri: "/backdoor", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(response.status == .forbidden)
            #expect(response.problemCode == AccessPolicyMiddleware.noPolicyCode)
        }
    }
}
