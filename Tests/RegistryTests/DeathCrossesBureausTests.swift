import Contracts
import Foundation
import Hummingbird
import HummingbirdTesting
import LifeEvents
import Logging
import PostgresNIO
import ServiceKit
import Testing
import TestKit
import TestSupport
@testable import Registry

/// The whole path through real services: Registry's HTTP API → outbox → relay →
/// Kafka → Assistance's inbox, with the report sent twice.
@Suite("A death crosses bureaus", .tags(.postgres, .kafka, .slow), .serialized)
struct DeathCrossesBureausTests {
    func settings(_ domain: Domain, database: TestDatabase, kafka: TestKafka) throws -> ServiceSettings {
        let prefix = domain.rawValue.uppercased()
        return try ServiceHarness.settings(domain, database: database, kafka: kafka,
                                           extra: ["\(prefix)_KAFKA_SESSION_TIMEOUT_MS": "6000"])
    }

    @Test func deathReportedTwiceIsJournalledOnce() async throws {
        let kafka = try TestKafka()
        let registryDB = try await TestDatabase.create("registry")
        let assistanceDB = try await TestDatabase.create("assistance")

        let registry = try await ServiceRuntime.buildApplication(
            RegistryService.definition(policy: try FuneralSettings.policy(environment: [:])),
            settings: settings(.registry, database: registryDB, kafka: kafka))
        let assistance = try await ServiceRuntime.buildApplication(
            ServiceDefinition(domain: .assistance, migrations: LifeEventJournal.migrations,
                              handlers: LifeEventJournal.handlers, routes: LifeEventJournal.routes),
            settings: settings(.assistance, database: assistanceDB, kafka: kafka))

        try await assistance.liveTest { assistanceClient in
            try await registry.liveTest { client in
                let body = #"{"residentId":"62042319480517031X","dateOfDeath":"2026-03-14","region":"620423","source":"hospital","idempotencyKey":"k1"}"#
                // Fix the check character: computed, not guessed.
                let id = ResidentID.make(region: try RegionCode("620423"), birth: try CivilDate(iso: "1948-05-17"), sequence: 31)
                let request = body.replacingOccurrences(of: "62042319480517031X", with: id.rawValue)
                let first = try await client.execute(uri: "/deaths", method: .post, headers: [.contentType: "application/json"],
                                                     body: ByteBuffer(string: request))
                #expect(first.status == .created)
                let second = try await client.execute(uri: "/deaths", method: .post, headers: [.contentType: "application/json"],
                                                      body: ByteBuffer(string: request))
                #expect(second.status == .ok)
                let invalid = try await client.execute(uri: "/deaths", method: .post, headers: [.contentType: "application/json"],
                                                       body: ByteBuffer(string: request.replacingOccurrences(of: "hospital", with: "rumour")))
                #expect(invalid.status == .badRequest)
                #expect(invalid.headers[.contentType] == "application/problem+json")
                #expect(String(buffer: invalid.body).contains("death.unknown-source"))

                // A marriage concerns two people: the journal keeps a row for each.
                let husband = ResidentID.make(region: try RegionCode("620423"), birth: try CivilDate(iso: "1990-02-02"), sequence: 51)
                let wife = ResidentID.make(region: try RegionCode("620423"), birth: try CivilDate(iso: "1992-03-03"), sequence: 52)
                let marriage = try await client.execute(
                    uri: "/marriages", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: #"{"partyA":"\#(husband.rawValue)","partyB":"\#(wife.rawValue)","office":"620423-01","declaredKinship":"unrelated"}"#))
                #expect(marriage.status == .created)

                /// The journal's entries, read as JSON (event ids are distinct per person and event).
                @Sendable func journalled() async throws -> Int {
                    let page = try await assistanceClient.execute(uri: "/life-events", method: .get)
                    return (try page.json()["items"] as? [[String: Any]])?.count ?? -1
                }
                let arrived = try await eventually { try await journalled() } until: { $0 >= 3 }
                #expect(arrived == 3)  // one death, two spouses
                // A duplicate would show within a second: wait for a change that must not come.
                let settled = try await eventually(timeout: .seconds(1)) { try await journalled() } until: { $0 != 3 }
                #expect(settled == 3)
                let ready = try await client.execute(uri: "/health/ready", method: .get)
                #expect(ready.status == .ok)
                let metrics = try await client.execute(uri: "/metrics", method: .get)
                #expect(String(buffer: metrics.body).contains("outbox_published_total"))
            }
        }
        try await registryDB.drop()
        try await assistanceDB.drop()
    }
}
