import AssistanceDomain
import Foundation
import HummingbirdTesting
import NIOCore
import Testing
import TestKit
import TestSupport
@testable import Assistance
@testable import Registry

/// The six requests a property-based fuzzer found answering 500 before the services checked their
/// input against their OpenAPI documents (NUL characters PostgreSQL cannot store, a year beyond
/// any range), and the other ways a body can be malformed: each is now 400 problem+json with a
/// stable code, and the service keeps answering.
@Suite("Hardened input", .tags(.postgres, .kafka), .serialized)
struct HardenedInputTests {
    struct Refusal: Equatable, CustomStringConvertible {
        var status: Int
        var contentType: String?
        var code: String?
        var description: String { "\(status) \(contentType ?? "-") \(code ?? "-")" }
    }

    static func refusal(_ response: TestResponse) -> Refusal {
        Refusal(status: Int(response.status.code), contentType: response.headers[.contentType], code: response.problemCode)
    }

    static func badRequest(_ code: String) -> Refusal {
        Refusal(status: 400, contentType: "application/problem+json", code: code)
    }

    @Test func registryRefusesNULInADissolutionDocumentNumber() async throws {
        let definition = RegistryService.definition(policy: try FuneralSettings.policy(environment: [:]))
        try await ServiceHarness.run(definition) { client, _ in
            let nul = try await client.post("/adoptions/\(UUID())/dissolution", json: #"{"basis":"court-document","documentNumber":"(2026)甘0423\u0000民初1号"}"#)
            #expect(Self.refusal(nul) == Self.badRequest("request.invalid-character"))
            let live = try await client.get("/health/live")
            #expect(live.status == .ok)
        }
    }

    @Test func assistanceRefusesWhatUsedToBeA500() async throws {
        let definition = AssistanceService.definition(policy: try AssistancePolicy.fromEnvironment([:]))
        try await ServiceHarness.run(definition) { client, _ in
            let lead = UUID()
            let followUp = try await client.post("/leads/\(lead)/follow-up", json: #"{"note":"visited\u0000"}"#)
            #expect(Self.refusal(followUp) == Self.badRequest("request.invalid-character"))
            let closure = try await client.post("/leads/\(lead)/closure", json: #"{"note":"\u0000"}"#)
            #expect(Self.refusal(closure) == Self.badRequest("request.invalid-character"))
            let person = "pr_" + String(repeating: "ab", count: 32)
            let signal = try await client.post("/risk-signals", json: """
                {"personRef":"\(person)","kind":"medical-expense","agency":"医保\\u0000局","reportedOn":"2026-01-05"}
                """)
            #expect(Self.refusal(signal) == Self.badRequest("request.invalid-character"))
            let region = try await client.get("/rosters?region=%00")
            #expect(Self.refusal(region) == Self.badRequest("request.invalid-character"))
            let year = try await client.get("/standards?year=-353798673260")
            #expect(Self.refusal(year) == Self.badRequest("request.invalid-year"))

            // Bounds declared in the document are the bounds enforced.
            let long = try await client.post("/leads/\(lead)/follow-up", json: #"{"note":"\#(String(repeating: "记", count: 2_001))"}"#)
            #expect(Self.refusal(long) == Self.badRequest("request.invalid-body"))
            // Not UTF-8: refused before any route reads it.
            let bytes = try await client.execute(uri: "/leads/\(lead)/follow-up", method: .post, headers: [.contentType: "application/json"],
                                                 body: ByteBuffer(bytes: Array(#"{"note":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)))
            #expect(Self.refusal(bytes) == Self.badRequest("request.invalid-body"))
            // A malformed UUID in the path keeps the code services always used for it.
            let id = try await client.post("/leads/not-a-uuid/follow-up", json: #"{"note":"visited"}"#)
            #expect(Self.refusal(id) == Self.badRequest("request.invalid-id"))

            let live = try await client.get("/health/live")
            #expect(live.status == .ok)
        }
    }
}
