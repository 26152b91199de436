import Contracts
import Foundation
import ServiceCatalogue
import Testing
import TestKit

/// Adding a service touches Package.swift, the catalogue, `compose/` (with its SASL_SSL override) and the bash bootstrap; these
/// tests name whatever disagrees with the catalogue.
@Suite("The service catalogue agrees with Package.swift and compose/", .tags(.unit))
struct CatalogueConsistencyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func everyServiceIsAnExecutableProduct() throws {
        let manifest = try Self.read("Package.swift")
        let products = Set(manifest.matches(of: #/\.executable\(name: "([a-z-]+)"/#).map { String($0.1) })
        let missing = ServiceCatalogue.all.map(\.executable).filter { !products.contains($0) }
        #expect(missing == [], "Package.swift has no executable product for \(missing)")
    }

    @Test func composeRunsEveryServiceAsTheCatalogueSays() throws {
        let compose = try Self.read("compose/docker-compose.yml")
        for entry in ServiceCatalogue.all {
            let block = ComposeBlock.service(entry)
            #expect(compose.contains(block), "compose/docker-compose.yml lacks, verbatim, what `civil compose \(entry.executable)` prints:\n\(block)")
        }
        let declared = Set(compose.matches(of: #/\n  ([a-z-]+):\n    <<: \*service\n/#).map { String($0.1) })
        #expect(declared == Set(ServiceCatalogue.all.map(\.executable)))
    }

    /// A service missing from the SASL_SSL override would still speak plaintext to a broker that refuses it.
    @Test func theSASLOverrideGivesEveryServiceItsKafkaUser() throws {
        let override = try Self.read("compose/kafka-sasl-ssl.yml")
        for entry in ServiceCatalogue.all {
            for block in [ComposeBlock.kafkaSASLService(entry), ComposeBlock.kafkaSASLSecret(entry)] {
                #expect(override.contains(block), "compose/kafka-sasl-ssl.yml lacks, verbatim, what `civil compose \(entry.executable)` prints:\n\(block)")
            }
        }
        let declared = Set(override.matches(of: #/\n  ([a-z-]+):\n    environment:\n      <<: \*kafka-sasl-ssl\n/#).map { String($0.1) })
        #expect(declared == Set(ServiceCatalogue.all.map(\.executable)))
    }

    @Test func composeCreatesEveryDatabase() throws {
        let sql = try Self.read("compose/postgres-init/01-databases.sql")
        for entry in ServiceCatalogue.all {
            #expect(sql.contains(ComposeBlock.database(entry)), "01-databases.sql lacks:\n\(ComposeBlock.database(entry))")
            #expect(sql.contains("\\getenv \(entry.database)_password \(entry.environmentPrefix)_DB_PASSWORD"))
        }
    }

    /// The one list bash keeps: PostgreSQL is created before Swift can build, so its databases are
    /// listed in `scripts/lib/common.sh` too.
    @Test func theBootstrapCreatesEveryDatabase() throws {
        let script = try Self.read("scripts/lib/common.sh")
        let line = try #require(script.firstMatch(of: #/CIVIL_DATABASES=\(([a-z ]+)\)/#))
        let databases = line.1.split(separator: " ").map(String.init)
        #expect(databases == ServiceCatalogue.all.map(\.database))
    }

    @Test func catalogueEntriesAreDistinct() {
        let all = ServiceCatalogue.all
        #expect(Set(all.map(\.port)).count == all.count, "ports \(all.map(\.port))")
        #expect(Set(all.map(\.database)).count == all.count, "databases \(all.map(\.database))")
        #expect(Set(all.map(\.domain)).count == all.count, "domains \(all.map(\.domain))")
        // Every consumed domain produces events: a service or a partner gateway (monitoring).
        for entry in all {
            for consumed in entry.consumes {
                #expect(consumed != entry.domain, "\(entry.executable) consumes its own topic")
            }
        }
    }
}
