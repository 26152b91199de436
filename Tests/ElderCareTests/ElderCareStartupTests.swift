import Foundation
import HTTPTypes
import Testing
import TestKit
import TestSupport

/// The service starts on a new database with its whole schema and serves its routes.
@Suite("ElderCare start-up", .tags(.postgres, .kafka))
struct ElderCareStartupTests {
    @Test func startsAndServesTheJournal() async throws {
        try await ElderCareHarness.with(today: "2026-03-01") { context in
            let status = try await context.client.get("/life-events").status
            #expect(status == .ok)
        }
    }
}
