import AssistanceDomain
import Contracts
import Foundation
import Hummingbird
import Persistence
import PostgresNIO
import ServiceKit

/// `POST /rosters` generates a region's monthly roster; `GET /rosters` lists them;
/// `GET /recovery-claims` lists overpayment-recovery claims.
enum RosterRoutes {
    struct RosterRequest: Decodable, Sendable {
        var region: String
        var month: String
    }

    struct Roster: Codable, Sendable {
        var rosterId: UUID
        var region: String
        var month: String
        var households: Int
        var totalFen: Int64
        var skipped: Int
        var generatedAt: String
    }

    struct RosterList: ResponseEncodable {
        var rosters: [Roster]
    }

    struct ClaimList: ResponseEncodable {
        var claims: [ClaimRow]
    }

    struct ClaimRow: Codable, Sendable {
        var claimId: UUID
        var caseId: UUID
        var personRef: String
        var dateOfDeath: String
        var months: [String: Int64]
        var amountFen: Int64
        var status: String
        var openedOn: String
    }

    static func register(_ router: Router<ServiceRequestContext>, _ dependencies: ServiceDependencies) {
        router.post("/rosters") { request, context -> EditedResponse<PaymentRosters.Summary> in
            let body = try await request.decode(as: RosterRequest.self, context: context)
            let region = try RequestParsing.region(body.region, field: "region")
            let month = try RequestParsing.month(body.month, field: "month")
            let summary = try await dependencies.database.transaction(logger: context.logger) { connection in
                try await PaymentRosters.generate(region: region, month: month, source: dependencies.source, on: connection,
                                                  logger: context.logger)
            }
            return EditedResponse(status: summary.rosterId == nil ? .ok : .created, response: summary)
        }
        router.get("/rosters") { request, context -> RosterList in
            let region = request.uri.queryParameters.get("region")
            let month = try request.uri.queryParameters.get("month").map { text throws(RuleViolation) in
                try RequestParsing.month(text, field: "month").firstDay.iso
            }
            let rows = try await dependencies.database.query("""
                SELECT id, region, to_char(month, 'YYYY-MM'), households, total_fen, skipped,
                       to_char(generated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                FROM payment_rosters
                WHERE (\(region)::text IS NULL OR region = \(region)) AND (\(month)::date IS NULL OR month = \(month)::date)
                ORDER BY month DESC, generated_at DESC LIMIT 500
                """, logger: context.logger)
            var rosters: [Roster] = []
            for try await row in rows.decode((UUID, String, String, Int, Int64, Int, String).self) {
                rosters.append(Roster(rosterId: row.0, region: row.1, month: row.2, households: row.3, totalFen: row.4,
                                      skipped: row.5, generatedAt: row.6))
            }
            return RosterList(rosters: rosters)
        }
        router.get("/recovery-claims") { request, context -> ClaimList in
            let status = request.uri.queryParameters.get("status")
            if let status, !["open", "cancelled"].contains(status) {
                throw Problem.badRequest("request.invalid-status", "status must be open or cancelled")
            }
            let caseText = request.uri.queryParameters.get("caseId")
            let caseID = caseText.flatMap(UUID.init(uuidString:))
            if caseText != nil, caseID == nil { throw Problem.badRequest("request.invalid-id", "caseId must be a UUID") }
            let rows = try await dependencies.database.query("""
                SELECT id, case_id, person_ref, date_of_death::text, months::text, amount_fen, status, opened_on::text
                FROM recovery_claims
                WHERE (\(status)::text IS NULL OR status = \(status)) AND (\(caseID)::uuid IS NULL OR case_id = \(caseID))
                ORDER BY opened_on DESC, id LIMIT 500
                """, logger: context.logger)
            var claims: [ClaimRow] = []
            for try await row in rows.decode((UUID, UUID, String, String, String, Int64, String, String).self) {
                claims.append(ClaimRow(claimId: row.0, caseId: row.1, personRef: row.2, dateOfDeath: row.3,
                                       months: try JSONDecoder().decode([String: Int64].self, from: Data(row.4.utf8)),
                                       amountFen: row.5, status: row.6, openedOn: row.7))
            }
            return ClaimList(claims: claims)
        }
    }
}

extension PaymentRosters.Summary: ResponseEncodable {}
