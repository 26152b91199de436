import Contracts
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ServiceKit
import Persistence
import TestKit
import Testing

@Suite("ServiceKit", .tags(.unit))
struct ServiceKitTests {
    @Test func settingsPreferServicePrefixThenSharedThenDefault() throws {
        let settings = try ServiceSettings(domain: .assistance, environment: [
            "ASSISTANCE_HTTP_PORT": "9000", "CIVIL_HTTP_PORT": "9999", "CIVIL_DB_PORT": "6543",
            "REGISTRY_DB_NAME": "other",
        ])
        #expect(settings.httpPort == 9000)
        #expect(settings.database.port == 6543)
        #expect(settings.database.database == "assistance")
        #expect(settings.kafkaBootstrap == "127.0.0.1:9092")
    }

    @Test func badSettingsAreNamed() {
        #expect(throws: SettingsError.self) { try ServiceSettings(domain: .registry, environment: ["REGISTRY_HTTP_PORT": "eighty"]) }
        do {
            _ = try ServiceSettings(domain: .registry, environment: ["CIVIL_LOG_LEVEL": "loud"])
            Issue.record("expected a settings error")
        } catch {
            #expect("\(error)".contains("REGISTRY_LOG_LEVEL=loud"))
        }
    }

    struct Body: Decodable { var name: String; var count: Int }

    func app() -> some ApplicationProtocol {
        let router = Router(context: ServiceRequestContext.self)
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: ProblemMiddleware())
        router.post("/things") { request, context -> HTTPResponse.Status in
            let body = try await request.decode(as: Body.self, context: context)
            guard body.count > 0 else { throw RuleViolation("thing.count-not-positive", "count must be positive") }
            return .created
        }
        router.get("/boom") { _, _ -> String in throw CancellationError() }
        router.get("/database-away") { _, _ -> String in throw ConnectionLost() }
        return Application(router: router)
    }

    @Test func errorsBecomeProblemDocumentsWithStableCodes() async throws {
        try await app().test(.router) { client in
            let invalid = try await client.execute(uri: "/things", method: .post, headers: [.contentType: "application/json"],
                                                   body: ByteBuffer(string: #"{"name":"x"}"#))
            #expect(invalid.status == .badRequest)
            #expect(invalid.headers[.contentType] == "application/problem+json")
            #expect(String(buffer: invalid.body).contains(#""code":"request.invalid-body""#))

            let refused = try await client.execute(uri: "/things", method: .post, headers: [.contentType: "application/json"],
                                                   body: ByteBuffer(string: #"{"name":"x","count":0}"#))
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains(#""code":"thing.count-not-positive""#))

            let missing = try await client.execute(uri: "/nowhere", method: .get)
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType] == "application/problem+json")

            let crashed = try await client.execute(uri: "/boom", method: .get, headers: [.requestID: "abc-123"])
            #expect(crashed.status == .internalServerError)
            #expect(crashed.headers[.requestID] == "abc-123")  // echoed on errors too
            #expect(String(buffer: crashed.body).contains(#""requestId":"abc-123""#))
            #expect(!String(buffer: crashed.body).contains("CancellationError"))  // internals stay in the log

            // The database going away is not the caller's fault nor a bug: 503, try again.
            let away = try await client.execute(uri: "/database-away", method: .get)
            #expect(away.status == .serviceUnavailable)
            #expect(String(buffer: away.body).contains(#""code":"database.unavailable""#))
        }
    }

    @Test func requestIDIsEchoed() async throws {
        try await app().test(.router) { client in
            let response = try await client.execute(uri: "/things", method: .post, headers: [.requestID: "req-7", .contentType: "application/json"],
                                                    body: ByteBuffer(string: #"{"name":"x","count":1}"#))
            #expect(response.status == .created)
            #expect(response.headers[.requestID] == "req-7")
        }
    }

    @Test func requestWithoutIDGetsTheOneItWasLoggedWith() async throws {
        try await app().test(.router) { client in
            let response = try await client.execute(uri: "/things", method: .post, headers: [.contentType: "application/json"],
                                                    body: ByteBuffer(string: #"{"name":"x","count":1}"#))
            #expect(response.status == .created)
            let id = try #require(response.headers[.requestID])
            #expect(!id.isEmpty)
        }
    }
}
