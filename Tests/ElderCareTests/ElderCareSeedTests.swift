import Contracts
import Foundation
import Logging
import ServiceKit
import Testing
import TestKit
@testable import ElderCare

/// `elder-care seed` at 3% of Jingtai on a scratch database, so the seed cannot rot: every use case
/// it calls still accepts what it sends, and the stated figures (4 public institutions, 265 beds,
/// 105 residents) come out as the doc comment says.
@Suite(.tags(.postgres, .kafka))
struct ElderCareSeedTests {
    @Test func aSmallCountyLoadsThroughTheUseCases() async throws {
        try await ElderCareHarness.with(today: "2026-11-26") { context in
            var seed = ElderCareSeed()
            seed.schedule.rosterMonths = 2
            seed.scale(percent: 3)
            let dependencies = ServiceDependencies(domain: .eldercare, database: context.database.client,
                                                   personRefKey: try ElderCareHarness.key(), logger: Logger(label: "seed-test"))
            let policy = try ElderCarePolicy.fromEnvironment([:])
            let people = try seed.people()
            let summary = try await seed.run(dependencies: dependencies, policy: policy)

            #expect(summary.refused == [:])
            #expect(summary.registered == people.count)
            #expect(try await ElderCareHarness.scalar("SELECT count(*)::int FROM elders", context.database) == people.count)
            #expect(summary.institutions == 4)
            #expect(summary.beds == 265)
            #expect(summary.occupied == 105)
            #expect(summary.admitted == seed.admitted)
            #expect(summary.queued == seed.applicants - seed.admitted)
            #expect(summary.standard == "set")
            #expect(summary.rosters.map { $0.month } == ["2026-01", "2026-02"])
            // January pays everyone registered at 80 and over; February also those who turned 80 in January.
            #expect(summary.rosters.first?.paid == seed.advancedAge)
            #expect((summary.rosters.last?.paid ?? 0) >= seed.advancedAge)

            // Loaded again: nobody registered twice, the rosters pay nobody twice.
            let again = try await seed.run(dependencies: dependencies, policy: policy)
            #expect(again.registered == 0)
            #expect(again.refused["elder.already-registered"] == people.count)
            #expect(again.rosters.map { $0.paid } == [0, 0])
            #expect(again.institutions == 0)
            #expect(try await ElderCareHarness.scalar("SELECT count(*)::int FROM institutions", context.database) == 4)
        }
    }
}
