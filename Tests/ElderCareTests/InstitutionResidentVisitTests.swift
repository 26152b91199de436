import Contracts
import ElderCareDomain
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport
@testable import ElderCare

/// Home visits (探访关爱) are for older people living at home: someone the waiting list placed in an
/// institution is not due a visit (no `nextDue`, no `visit-overdue`) until discharged.
@Suite("ElderCare visits and institution residents", .tags(.postgres, .kafka), .serialized)
struct InstitutionResidentVisitTests {
    typealias F = PlacementFixtures
    static let overdue = "civil.eldercare.visit-overdue.v1"

    @Test func aResidentOfAnInstitutionIsNotDueAHomeVisitUntilDischarged() async throws {
        try await ElderCareHarness.with(today: "2026-03-01") { context in
            let elder = try ElderCareHarness.resident(born: "1944-05-05", sequence: 41)
            let person = try await ElderRegistrations.register(elder, context)
            let home = try await F.institution(context, code: try F.publicBody(), nursing: (10, 0), general: (10, 0))
            let entry = try await F.apply(elder, context)
            try await F.assess(elder, scores: F.severe, context)
            let caseworker = try await F.caseworker(context)
            #expect(try await caseworker.post("/waiting-list/\(entry)/offer", json: F.offerJSON(home, bed: "nursing")).status == .ok)
            #expect(try await caseworker.post("/waiting-list/\(entry)/admission", json: "{}").status == .ok)

            let visitor = try await context.client.acting(as: [.visitor], region: ElderCareHarness.county)
            let whileResident = try await visitor.get("/elders/\(person)/visits").json()
            #expect(whileResident["nextDue"] == nil, "nextDue: \(String(describing: whileResident["nextDue"]))")
            // A month on, the sweep (every 300 ms here) finds nothing overdue.
            context.clock.set(try CivilDate(iso: "2026-04-02"))
            let none = try await ElderCareHarness.publishedCounts([Self.overdue: 1], context, settle: .seconds(2))
            #expect(none == [Self.overdue: 0])

            #expect(try await caseworker.post("/waiting-list/\(entry)/discharge", json: #"{"reason":"left-voluntarily"}"#).status == .ok)
            let atHome = try await visitor.get("/elders/\(person)/visits").json()
            #expect(atHome["nextDue"] as? String != nil, "nextDue: \(String(describing: atHome["nextDue"]))")
            let after = try await ElderCareHarness.publishedCounts([Self.overdue: 1], context, settle: .seconds(1))
            #expect(after == [Self.overdue: 1])
        }
    }
}
