import TestKit
import Persistence
import Testing
import TestSupport

@Suite("Migrations", .tags(.postgres))
struct MigrationTests {
    @Test("applies pending migrations once, in order, and records checksums")
    func appliesOnce() async throws {
        try await TestDatabase.with("migrate") { database in
            let migrator = Migrator(client: database.client, logger: TestKafka.logger)
            let v1 = Migration(version: 1, name: "people", statements: ["CREATE TABLE people (id int)"])
            let v2 = Migration(version: 2, name: "more", statements: ["ALTER TABLE people ADD COLUMN name text"])
            try await migrator.migrate([("svc", [v1])])
            try await migrator.migrate([("svc", [v2, v1])])
            try await migrator.migrate([("svc", [v1, v2])])  // nothing left to do
            let check15 = try await Pipeline.count(database, "SELECT count(*) FROM schema_migrations WHERE scope = 'svc'") == 2
            #expect(check15)
            let check17 = try await Pipeline.count(database, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'people'") == 2
            #expect(check17)
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
            #expect(scope == "svc" && version == 1)
            #expect(error?.description.contains("was changed after it was applied") == true)
        }
    }

    @Test("a failing migration leaves nothing half-applied")
    func atomic() async throws {
        try await TestDatabase.with("atomic") { database in
            let migrator = Migrator(client: database.client, logger: TestKafka.logger)
            let broken = Migration(version: 1, name: "broken", statements: ["CREATE TABLE x (id int)", "CREATE TABLE x (id int)"])
            await #expect(throws: (any Error).self) { try await migrator.migrate([("svc", [broken])]) }
            let check44 = try await Pipeline.count(database, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'x'") == 0
            #expect(check44)
        }
    }
}
