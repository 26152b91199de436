import Contracts
import ElderCareDomain
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport
@testable import ElderCare

/// The register's 失能 category follows the latest capability assessment (issue 12: the result
/// "drives … the 失能 category"): added by a dependent level, ended by a later capable one, and left
/// alone by an assessment entered late for an earlier day.
@Suite("ElderCare 失能 from assessments", .tags(.postgres, .kafka), .serialized)
struct AssessedCategoryTests {
    typealias F = PlacementFixtures

    @Test func theLatestAssessmentAddsAndEndsTheDisabledCategory() async throws {
        try await ElderCareHarness.with(today: "2026-03-10") { context in
            let elder = try ElderCareHarness.resident(born: "1944-05-02", sequence: 21)
            let person = try await ElderRegistrations.register(elder, context, registeredOn: "2026-02-20")
            let assessor = try await F.assessor(context)

            let severe = try await assessor.post("/assessments", json: F.assessmentJSON(elder, on: "2026-03-01", scores: F.severe))
            #expect(severe.status == .created, "\(severe.text)")
            #expect(try await ElderRegistrations.categories(person, context).contains("disabled"))

            // An assessment entered late for an earlier day does not override the latest one.
            let earlierCapable = try await assessor.post("/assessments", json: F.assessmentJSON(elder, on: "2026-02-25"))
            #expect(earlierCapable.status == .created, "\(earlierCapable.text)")
            #expect(try await ElderRegistrations.categories(person, context).contains("disabled"))

            // A later assessment at 能力完好 ends it.
            let capable = try await assessor.post("/assessments", json: F.assessmentJSON(elder, on: "2026-03-09"))
            #expect(capable.status == .created, "\(capable.text)")
            let categories = try await ElderRegistrations.categories(person, context)
            #expect(!categories.contains("disabled"), "categories: \(categories)")

            let changes = try await context.published.events(ofType: ElderCategoryChanged.eventType.rawValue, count: 3)
                .map { try $0.cloudEvent().decode(ElderCategoryChanged.self) }
                .filter { $0.category == .disabled }
            #expect(changes.map(\.change) == [.added, .removed])
        }
    }
}
