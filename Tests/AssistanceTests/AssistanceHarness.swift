import AssistanceDomain
import Contracts
import Foundation
import Hummingbird
import HummingbirdTesting
import Messaging
import NIOCore
import PostgresNIO
import ServiceKit
import Testing
import TestKit
import TestSupport
@testable import Assistance

/// Runs the real Assistance service (HTTP, PostgreSQL, an in-process Kafka mock cluster) with a
/// clock the test moves.
enum AssistanceHarness {
    /// The development key.
    static var key: PersonRefKey { get throws { try PersonRefKey(hex: ServiceSettings.developmentPersonRefKey) } }
    /// 景泰县.
    static var jingtai: RegionCode { get throws { try RegionCode("620423") } }
    /// 一条山镇, a township of Jingtai.
    static let township = "620423100"

    typealias Context = ServiceTestContext

    static func with(today: String, policy: [String: String] = [:], sources: [any EconomicDataSource] = [TableDataSource()],
                     _ body: @Sendable (Context) async throws -> Void) async throws {
        let clock = ServiceClock(fixed: try CivilDate(iso: today))
        let definition = AssistanceService.definition(policy: try AssistancePolicy.fromEnvironment(policy), clock: clock,
                                                      sources: sources, sweepInterval: .milliseconds(300))
        try await ServiceHarness.run(definition) { client, kafka, database in
            try await body(Context(domain: .assistance, client: client, clock: clock, kafka: kafka, database: database))
        }
    }

    static func resident(born: String, sequence: Int) throws -> ResidentID {
        try ResidentID.make(region: jingtai, birth: CivilDate(iso: born), sequence: sequence)
    }

    static func person(_ id: ResidentID) throws -> PersonRef { try PersonRef.derive(from: id, key: key) }

    static func publish<E: DomainEvent>(_ event: E, id: UUID = UUID(), key: String? = nil, from domain: Domain,
                                        on kafka: TestKafka) async throws {
        try await kafka.publish(event, id: id, key: key, from: domain)
    }

    /// Waits until Assistance has handled every Registry event published so far with the key of
    /// `event` (duplicates included), and returns how often it handled the sentinel that shows it:
    /// 1 once it has, 0 if it had not by the deadline.
    ///
    /// Events of one key share a partition and are handled in order, so the sentinel is published
    /// on that key — a marriage of two people Assistance does not know, which changes nothing but
    /// the life-event journal — and its inbox row tells that everything before it was handled.
    static func sentinelHandled<E: DomainEvent>(after event: E, _ context: Context) async throws -> Int? {
        let sentinel = UUID()
        try await publish(MarriageRegistered(marriageID: UUID(), certificateNumber: "J620423-01-2026-999999",
                                             partyA: person(resident(born: "1930-01-01", sequence: 901)),
                                             partyB: person(resident(born: "1930-01-01", sequence: 902)), office: "620423-01", region: jingtai,
                                             registeredOn: try CivilDate(iso: "2026-01-01")),
                          id: sentinel, key: event.aggregateID, from: .registry, on: context.kafka)
        return try await eventually {
            try await scalar("SELECT count(*)::int FROM inbox WHERE event_id = '\(sentinel)'", context.database)
        } until: { $0 == 1 }
    }

    static func scalar<T: PostgresDecodable & Sendable>(_ sql: String, as type: T.Type = Int.self, _ database: TestDatabase) async throws -> T? {
        try await database.scalar(sql, as: type)
    }

    static func publishedCounts(_ expected: [String: Int], _ context: Context, settle: Duration = .seconds(2)) async throws -> [String: Int] {
        try await context.published.counts(expected, settle: settle)
    }
}
