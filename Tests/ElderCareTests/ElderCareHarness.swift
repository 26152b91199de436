import Contracts
import ElderCareDomain
import Foundation
import Hummingbird
import HummingbirdTesting
import Messaging
import PostgresNIO
import ServiceKit
import Testing
import TestKit
import TestSupport
@testable import ElderCare

/// Runs the real ElderCare service (HTTP, PostgreSQL, an in-process Kafka mock cluster) with a
/// clock the test moves.
enum ElderCareHarness {
    /// 景泰县, the county the tests act in.
    static let county = "620423"
    /// 一条山镇, a township of Jingtai.
    static let township = "620423100"

    typealias Context = ServiceTestContext

    static func with(today: String, policy: [String: String] = [:], _ body: @Sendable (Context) async throws -> Void) async throws {
        let clock = ServiceClock(fixed: try CivilDate(iso: today))
        // The visit sweep every 300 ms, so that a test sees its work soon after moving the clock.
        let definition = ElderCareService.definition(policy: try ElderCarePolicy.fromEnvironment(policy), clock: clock,
                                                     sweepInterval: .milliseconds(300))
        try await ServiceHarness.run(definition) { client, kafka, database in
            try await body(Context(domain: .eldercare, client: client, clock: clock, kafka: kafka, database: database))
        }
    }

    /// The development person-ref key every test service uses.
    static func key() throws -> PersonRefKey { try PersonRefKey(hex: ServiceSettings.developmentPersonRefKey) }

    /// A valid Jingtai resident ID for someone born on `born` (ISO date).
    static func resident(born: String, sequence: Int) throws -> ResidentID {
        ResidentID.make(region: try RegionCode(county), birth: try CivilDate(iso: born), sequence: sequence)
    }

    static func person(_ id: ResidentID) throws -> PersonRef { PersonRef.derive(from: id, key: try key()) }

    static func publish<E: DomainEvent>(_ event: E, id: UUID = UUID(), key: String? = nil, from domain: Domain,
                                        on kafka: TestKafka) async throws {
        try await kafka.publish(event, id: id, key: key, from: domain)
    }

    static func scalar<T: PostgresDecodable & Sendable>(_ sql: String, as type: T.Type = Int.self, _ database: TestDatabase) async throws -> T? {
        try await database.scalar(sql, as: type)
    }

    /// Waits until ElderCare's inbox holds `eventID`: the event was handled (or found a duplicate).
    static func handled(_ eventID: UUID, _ context: Context) async throws -> Int? {
        try await eventually {
            try await scalar("SELECT count(*)::int FROM inbox WHERE event_id = '\(eventID)'", context.database)
        } until: { $0 == 1 }
    }

    static func publishedCounts(_ expected: [String: Int], _ context: Context, settle: Duration = .seconds(2)) async throws -> [String: Int] {
        try await context.published.counts(expected, settle: settle)
    }
}
