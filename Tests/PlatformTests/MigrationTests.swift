import LifeEvents
import Persistence
import PostgresNIO
import TestKit
import Testing
import TestSupport

@Suite("Migrations", .tags(.postgres))
struct MigrationTests {
    /// `scope/version name` of every applied migration, in scope and version order.
    static func applied(_ database: TestDatabase) async throws -> [String] {
        let rows = try await database.client.query(
            "SELECT scope, version, name FROM schema_migrations ORDER BY scope, version", logger: TestKafka.logger)
        var applied: [String] = []
        for try await (scope, version, name) in rows.decode((String, Int, String).self) {
            applied.append("\(scope)/\(version) \(name)")
        }
        return applied
    }

    @Test("applies pending migrations once, in order, and records checksums")
    func appliesOnce() async throws {
        try await TestDatabase.with("migrate") { database in
            let migrator = Migrator(client: database.client, logger: TestKafka.logger)
            let v1 = Migration(version: 1, name: "people", statements: ["CREATE TABLE people (id int)"])
            let v2 = Migration(version: 2, name: "more", statements: ["ALTER TABLE people ADD COLUMN name text"])
            try await migrator.migrate([("svc", [v1])])
            try await migrator.migrate([("svc", [v2, v1])])
            try await migrator.migrate([("svc", [v1, v2])])  // nothing left to do
            let applied = try await Self.applied(database)
            #expect(applied == ["svc/1 people", "svc/2 more"])
            let columns = try await Pipeline.count(database, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'people'")
            #expect(columns == 2)
        }
    }

    @Test("a changed, already-applied migration is refused with a clear error")
    func checksumMismatch() async throws {
        try await TestDatabase.with("checksum") { database in
            let migrator = Migrator(client: database.client, logger: TestKafka.logger)
            try await migrator.migrate([("svc", [Migration(version: 1, name: "t", statements: ["CREATE TABLE t (id int)"])])])
            let edited = Migration(version: 1, name: "t", statements: ["CREATE TABLE t (id bigint)"])
            let error = await #expect(throws: MigrationError.self) { try await migrator.migrate([("svc", [edited])]) }
            guard case .checksumMismatch(let scope, let version, _, _, _) = error else {
                Issue.record("unexpected \(String(describing: error))")
                return
            }
            #expect(scope == "svc")
            #expect(version == 1)
            #expect(error?.description.contains("was changed after it was applied") == true)
        }
    }

    @Test("a failing migration leaves nothing half-applied")
    func atomic() async throws {
        try await TestDatabase.with("atomic") { database in
            let migrator = Migrator(client: database.client, logger: TestKafka.logger)
            let broken = Migration(version: 1, name: "broken", statements: ["CREATE TABLE x (id int)", "CREATE TABLE x (id int)"])
            await #expect(throws: (any Error).self) { try await migrator.migrate([("svc", [broken])]) }
            let tables = try await Pipeline.count(database, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'x'")
            #expect(tables == 0)
        }
    }

    @Test("a shared schema's migrations count in its own scope, before the including service's own")
    func sharedScopeCountsApart() async throws {
        try await TestDatabase.with("scopes") { database in
            let migrator = Migrator(client: database.client, logger: TestKafka.logger)
            let shared = Migration(scope: "lib", version: 1, name: "things", statements: ["CREATE TABLE things (id int)"])
            // Version 1 again, in the service's scope; it builds on the shared table.
            let own = Migration(version: 1, name: "thing-view", statements: ["CREATE VIEW thing_ids AS SELECT id FROM things"])
            try await migrator.migrate([("svc", [own, shared])])
            try await migrator.migrate([("svc", [shared, own])])  // nothing left to do
            let applied = try await Self.applied(database)
            #expect(applied == ["lib/1 things", "svc/1 thing-view"])
        }
    }

    /// The life-event journal as an older build applied it: as versions 1 and 2 of the service's scope.
    static let journalCountedInServiceScope = LifeEventJournal.migrations.map {
        Migration(version: $0.version, name: $0.name, statements: $0.statements)
    }

    @Test("a database where the journal counted in the service's scope upgrades: its rows move to the journal scope",
          arguments: [
            // Assistance: the journal was its versions 1–2, and its own migrations start at 3.
            ("assistance", [Migration(version: 3, name: "standards", statements: ["CREATE TABLE standards (id int)"])]),
            // ElderCare and ChildProtection: the journal was all they had.
            ("eldercare", []),
          ])
    func journalScopeUpgrade(_ service: String, _ own: [Migration]) async throws {
        try await TestDatabase.with("journalscope") { database in
            let migrator = Migrator(client: database.client, logger: TestKafka.logger)
            let logger = TestKafka.logger
            // The older build: platform migrations 1–3, the journal inside the service's scope.
            let olderPlatform = PlatformMigrations.all.filter { $0.version <= 3 }
            try await migrator.migrate([
                (PlatformMigrations.scope, olderPlatform), (service, Self.journalCountedInServiceScope + own),
            ])
            try await database.client.query("""
                INSERT INTO life_events (event_id, event_type, person_ref, occurred_on, region)
                VALUES (gen_random_uuid(), 'civil.registry.death-recorded.v1', 'pr_a', '2025-01-02', '620423')
                """, logger: logger)

            // This build: platform migration 4 moves the journal's rows; nothing is applied twice.
            try await migrator.migrate([(PlatformMigrations.scope, PlatformMigrations.all), (service, LifeEventJournal.migrations + own)])
            let applied = try await Self.applied(database)
            let expected = [
                "journal/1 life_events", "journal/2 life_events_per_person",
                "platform/1 outbox", "platform/2 inbox", "platform/3 outbox-commit-order", "platform/4 journal-scope",
            ] + own.map { "\(service)/\($0.version) \($0.name)" }
            #expect(applied == expected.sorted())
            let journalled = try await Pipeline.count(database, "SELECT count(*) FROM life_events")
            #expect(journalled == 1)

            // A later start finds everything applied, with the checksums it knows.
            try await migrator.migrate([(PlatformMigrations.scope, PlatformMigrations.all), (service, LifeEventJournal.migrations + own)])
            let again = try await Self.applied(database)
            #expect(again == applied)
        }
    }

    @Test("a new database applies the journal in its own scope")
    func journalScopeFresh() async throws {
        try await TestDatabase.with("journalfresh") { database in
            let migrator = Migrator(client: database.client, logger: TestKafka.logger)
            try await migrator.migrate([(PlatformMigrations.scope, PlatformMigrations.all), ("eldercare", LifeEventJournal.migrations)])
            let applied = try await Self.applied(database)
            #expect(applied.filter { !$0.hasPrefix("platform/") } == ["journal/1 life_events", "journal/2 life_events_per_person"])
        }
    }
}
