import Audit
import Contracts
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Persistence
import PostgresNIO
import ServiceKit
import TestKit
import TestSupport
import Testing

/// The audit trail end to end, on a small service run by the real runtime (PostgreSQL, the
/// middleware chain, the audit table): one row per write and per read of personal data, none for
/// other reads or refusals, and `GET /audit-log` for auditors only, its own reads audited.
@Suite("Audit: one row per write and personal-data read", .tags(.postgres, .kafka), .serialized)
struct AuditTrailTests {
    static let logger = Logger(label: "test.audit")

    struct Thing: ResponseEncodable, Decodable {
        var thingId: UUID
        var residentId: String
        var region: String
    }

    struct NewThing: Decodable {
        var residentId: String
        var region: String
    }

    /// "Things" with a resident ID and a region: a write, a personal read, a non-personal read.
    static let definition = ServiceDefinition(
        domain: .socialorg,
        migrations: [Migration(version: 1, name: "things", statements: [
            "CREATE TABLE things (id uuid PRIMARY KEY, resident_id text NOT NULL, region text NOT NULL)",
        ])],
        routes: { routes, dependencies in
            routes.post("/things", RoutePolicy(roles: [.intake], region: .body("region"))) { request, context -> EditedResponse<Thing> in
                let body = try await request.decode(as: NewThing.self, context: context)
                let thing = Thing(thingId: UUID(), residentId: body.residentId, region: body.region)
                try await dependencies.database.query(
                    "INSERT INTO things VALUES (\(thing.thingId), \(thing.residentId), \(thing.region))", logger: context.logger)
                return EditedResponse(status: .created, response: thing)
            }
            routes.get("/things/:id", RoutePolicy(roles: [.intake, .auditor], region: .record, personalData: true),
                       regionOf: { _, context in
                           let id = try context.parameters.require("id", as: UUID.self)
                           let rows = try await dependencies.database.query("SELECT region FROM things WHERE id = \(id)", logger: context.logger)
                           for try await region in rows.decode(String.self) { return try RegionCode(region) }
                           return nil
                       }) { _, context -> Thing in
                let id = try context.parameters.require("id", as: UUID.self)
                let rows = try await dependencies.database.query(
                    "SELECT resident_id, region FROM things WHERE id = \(id)", logger: context.logger)
                for try await (resident, region) in rows.decode((String, String).self) {
                    return Thing(thingId: id, residentId: resident, region: region)
                }
                throw RuleViolation("thing.not-found", "no thing \(id)", kind: .notFound)
            }
            routes.get("/thing-count", RoutePolicy(roles: [.intake], region: .none)) { _, context -> String in
                let rows = try await dependencies.database.query("SELECT count(*)::bigint FROM things", logger: context.logger)
                var count: Int64 = 0
                for try await value in rows.decode(Int64.self) { count = value }
                return "\(count)"
            }
        })

    static func resident(_ sequence: Int) throws -> ResidentID {
        ResidentID.make(region: try RegionCode("620423"), birth: try CivilDate(iso: "1950-01-02"), sequence: sequence)
    }

    static func rows(_ database: TestDatabase) async throws -> [AuditRecord] {
        try await AuditLog.entries(AuditQuery(), client: database.client, logger: logger)
    }

    static func things(_ database: TestDatabase) async throws -> Int64 {
        var count: Int64 = -1
        for try await value in try await database.client.query("SELECT count(*)::bigint FROM things", logger: logger).decode(Int64.self) {
            count = value
        }
        return count
    }

    @Test func aWriteAndAPersonalReadWriteOneRowEachAndOtherReadsNone() async throws {
        let resident = try Self.resident(41)
        try await ServiceHarness.run(Self.definition) { client, _, database in
            let intake = try await client.acting(as: [.intake], region: "620423", subject: "officer-intake-1")
            let created = try await intake.post("/things", json: #"{"residentId":"\#(resident.rawValue)","region":"620423100"}"#)
            #expect(created.status == .created)
            let thing = try JSONDecoder().decode(Thing.self, from: Data(buffer: created.body))

            let read = try await intake.get("/things/\(thing.thingId)")
            #expect(read.status == .ok)
            let count = try await intake.get("/thing-count")
            #expect(count.text == "1")

            let rows = try await Self.rows(database)
            #expect(rows.map(\.entry.route) == ["/things", "/things/{id}"])
            #expect(rows.map(\.entry.method) == ["POST", "GET"])
            #expect(rows.map(\.entry.status) == [201, 200])
            #expect(rows.map(\.entry.subject) == ["officer-intake-1", "officer-intake-1"])
            #expect(rows.map(\.entry.roles) == [["intake"], ["intake"]])
            #expect(rows.map(\.entry.tokenRegion) == ["620423", "620423"])
            #expect(rows.map(\.entry.recordIDs) == [[thing.thingId.uuidString.lowercased()], [thing.thingId.uuidString.lowercased()]])
            // The person is stored as a ref, the same in both rows, never as the resident ID.
            let refs = rows.map(\.entry.personRefs)
            #expect(refs.count == 2 && refs[0].count == 1 && refs[0] == refs[1])
            #expect(refs.joined().allSatisfy { $0.hasPrefix("pr_") })
            #expect(!rows.contains { $0.entry.personRefs.contains(resident.rawValue) })
            #expect(rows.map(\.entry.requestID).allSatisfy { !$0.isEmpty })
        }
    }

    @Test func refusalsWriteNoRowAndNothingElse() async throws {
        let resident = try Self.resident(43)
        try await ServiceHarness.run(Self.definition) { client, _, database in
            let body = #"{"residentId":"\#(resident.rawValue)","region":"620423100"}"#
            let anonymous = try await client.anonymous.post("/things", json: body)
            #expect(anonymous.problemCode == "auth.token-missing")
            let wrongRole = try await client.acting(as: [.finance], region: "620423").post("/things", json: body)
            #expect(wrongRole.problemCode == "auth.role-not-allowed")
            let elsewhere = try await client.acting(as: [.intake], region: "620422").post("/things", json: body)
            #expect(elsewhere.problemCode == "auth.outside-region")
            #expect(try await Self.rows(database).count == 0)
            #expect(try await Self.things(database) == 0)
        }
    }

    @Test func theAuditLogIsForAuditorsFilteredToTheirRegionAndItsReadsAreAudited() async throws {
        let first = try Self.resident(45), second = try Self.resident(47)
        try await ServiceHarness.run(Self.definition) { client, _, database in
            let jingtai = try await client.acting(as: [.intake], region: "620423", subject: "officer-jingtai")
            let huining = try await client.acting(as: [.intake], region: "620422", subject: "officer-huining")
            _ = try await jingtai.post("/things", json: #"{"residentId":"\#(first.rawValue)","region":"620423100"}"#)
            _ = try await huining.post("/things", json: #"{"residentId":"\#(second.rawValue)","region":"620422100"}"#)

            let refused = try await jingtai.get("/audit-log")
            #expect(refused.status == .forbidden)
            #expect(refused.problemCode == "auth.role-not-allowed")

            let cityAuditor = try await client.acting(as: [.auditor], region: "620400", subject: "auditor-city")
            let all = try await cityAuditor.get("/audit-log")
            #expect(all.status == .ok)
            let allItems = try all.json()["items"] as? [[String: Any]] ?? []
            #expect(allItems.map { $0["subject"] as? String } == ["officer-jingtai", "officer-huining"])

            // By resident ID (stored as its ref): the write, and the auditor's own read above, which showed
            // that person's row. And by officer.
            let byPerson = try await cityAuditor.get("/audit-log?person=\(first.rawValue)")
            #expect((try byPerson.json()["items"] as? [[String: Any]])?.map { $0["subject"] as? String } == ["officer-jingtai", "auditor-city"])
            let bySubject = try await cityAuditor.get("/audit-log?sub=officer-huining")
            #expect((try bySubject.json()["items"] as? [[String: Any]])?.count == 1)

            // A county auditor sees the county's officers only.
            let countyAuditor = try await client.acting(as: [.auditor], region: "620422", subject: "auditor-huining")
            let county = try await countyAuditor.get("/audit-log")
            #expect((try county.json()["items"] as? [[String: Any]])?.map { $0["subject"] as? String } == ["officer-huining"])

            // Each auditor read is itself a row.
            let rows = try await Self.rows(database)
            #expect(rows.filter { $0.entry.route == "/audit-log" }.map(\.entry.subject)
                == ["auditor-city", "auditor-city", "auditor-city", "auditor-huining"])
            let chain = try await AuditChainVerifier.verify(client: database.client, logger: Self.logger)
            #expect(chain.isIntact)
        }
    }

    @Test func badAuditLogQueriesAreRefusedWithTheirCodes() async throws {
        try await ServiceHarness.run(Self.definition) { client, _, _ in
            let auditor = try await client.acting(as: [.auditor], region: "620400")
            #expect(try await auditor.get("/audit-log?from=yesterday").problemCode == "request.invalid-from")
            #expect(try await auditor.get("/audit-log?limit=0").problemCode == "request.invalid-limit")
            #expect(try await auditor.get("/audit-log?sub=").problemCode == "request.invalid-sub")
            #expect(try await auditor.get("/audit-log?person=pr_nope").problemCode == "person-ref.malformed")
        }
    }
}
