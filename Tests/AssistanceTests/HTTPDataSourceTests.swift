import AssistanceDomain
import Contracts
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Synchronization
import Testing
import TestKit
import TestSupport
@testable import Assistance

/// Economic verification against an agency's own HTTP service (the contract in
/// `verification-source.openapi.json`), played by a real HTTP server in the test.
@Suite("Verification over HTTP", .tags(.postgres, .kafka, .slow), .serialized)
struct HTTPDataSourceTests {
    let applicant: ResidentID

    init() throws {
        applicant = try AssistanceHarness.resident(born: "1979-10-10", sequence: 81)
    }

    /// Runs an agency that answers with `records(asked)`, and gives `body` its base URL.
    static func withAgency(
        _ records: @escaping @Sendable ([String]) -> String, _ body: @Sendable (URL) async throws -> Void
    ) async throws {
        struct Query: Decodable { var personRefs: [String] }
        let router = Router()
        router.post("/verification-records") { request, context -> Response in
            let query = try await request.decode(as: Query.self, context: context)
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: records(query.personRefs))))
        }
        let port = Mutex<Int?>(nil)
        let (started, signal) = AsyncStream.makeStream(of: Void.self)
        var logger = Logger(label: "agency")
        logger.logLevel = .warning
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in
                                  port.withLock { $0 = channel.localAddress?.port }
                                  signal.yield()
                              }, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            for await _ in started { break }
            let bound = try #require(port.withLock { $0 })
            let url = try #require(URL(string: "http://127.0.0.1:\(bound)"))
            try await body(url)
            group.cancelAll()
        }
    }

    @Test func anAgencysRecordsAreConsolidatedAndStrangersAreIgnored() async throws {
        let stranger = try AssistanceHarness.person(AssistanceHarness.resident(born: "1990-01-01", sequence: 99)).rawValue
        try await Self.withAgency({ asked in
            let records = asked.map { #"{"personRef":"\#($0)","kind":"income","category":"wages","amountFen":90000,"note":"2026-02 contribution base"}"# }
                + [#"{"personRef":"\#(stranger)","kind":"asset","category":"vehicle","amountFen":5000000}"#]
            return #"{"records":[\#(records.joined(separator: ","))]}"#
        }) { url in
            try await AssistanceHarness.with(today: "2026-03-02", sources: [HTTPDataSource(name: "social-insurance", baseURL: url)]) { context in
                let worker = Caseworker(context: context)
                try await worker.publishJingtai2020()
                let application = try await worker.apply(worker.applicationJSON(key: "http", members: [.init(id: applicant, wagesFen: 30_000)]))
                let verified = try await context.client.post("/applications/\(application)/verification", json: "")
                #expect(verified.status == .ok, "\(verified.text)")
                let summary = try #require(try verified.json()["verification"] as? [String: Any])
                #expect(summary["sources"] as? [String] == ["social-insurance"])
                #expect(summary["countableIncomeFen"] as? Int == 90_000)  // the agency's wages, above the declared 300 yuan
                #expect(summary["meetsMeansTest"] as? Bool == false)  // 900 ≥ 577: no vehicle from the stranger's record either
                let findings = ((summary["findings"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }
                #expect(findings.contains("means-test.no-vehicle"), "\(findings)")
            }
        }
    }

    @Test func anAgencyThatDoesNotAnswerStopsTheVerificationAndWritesNothing() async throws {
        // Nothing listens on port 9 (discard) on a test machine.
        let down = try #require(URL(string: "http://127.0.0.1:9"))
        try await AssistanceHarness.with(today: "2026-03-02", sources: [TableDataSource(), HTTPDataSource(name: "housing-fund", baseURL: down, timeout: 2)]) { context in
            let worker = Caseworker(context: context)
            try await worker.publishJingtai2020()
            let application = try await worker.apply(worker.applicationJSON(key: "down", members: [.init(id: applicant)]))
            let refused = try await context.client.post("/applications/\(application)/verification", json: "")
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.problemCode == "verification.source-unavailable")
            #expect(try await context.client.get("/applications/\(application)").json()["state"] as? String == "submitted")
        }
    }
}
