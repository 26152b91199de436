import AssistanceDomain
import Contracts
import Foundation
import Hummingbird
import Persistence
import PostgresNIO
import ServiceKit

/// Cases and their history: `GET /cases/{id}` (payments, back-payments, recovery claims),
/// `GET /cases?personRef=`, change reports and re-verification (with 渐退), review tasks.
enum CaseRoutes {
    struct CaseView: ResponseEncodable {
        var caseId: UUID
        var householdId: UUID
        var program: String
        var region: String
        var status: String
        var suspensionReason: String?
        var recipients: [String]
        var monthlyAmountFen: Int64
        var firstMonth: String
        var lastMonth: String?
        var suspendedFrom: String?
        var departed: [Departure]
        var payments: [MonthAmount]
        var backPayments: [MonthAmount]
        var recoveryClaims: [Claim]
    }

    struct MonthAmount: Codable, Sendable {
        var month: String
        var amountFen: Int64
    }

    struct Claim: Codable, Sendable {
        var claimId: UUID
        var personRef: String
        var dateOfDeath: String
        var months: [String: Int64]
        var amountFen: Int64
        var status: String
    }

    struct CaseList: ResponseEncodable {
        var cases: [CaseView]
    }

    struct ChangeReport: Decodable, Sendable {
        /// `income`, `household` or `residence`.
        var kind: String
        var description: String
        /// For an income change: the members' newly declared monthly incomes, replacing what they
        /// declared before (re-verification then weighs them against the agencies' records).
        var declaredIncomes: [MemberIncomes]?
    }

    struct MemberIncomes: Decodable, Sendable {
        var residentId: String?
        var personRef: String?
        var incomes: [IncomeRequest]
    }

    enum ChangeKind: String, CaseIterable { case income, household, residence }

    struct ReviewTask: ResponseEncodable, Codable, Sendable {
        var taskId: UUID
        var caseId: UUID?
        var householdId: UUID
        var kind: String
        var reason: String
        var dueOn: String
        var status: String
    }

    struct TaskList: ResponseEncodable {
        var tasks: [ReviewTask]
    }

    static func register(_ router: Router<ServiceRequestContext>, _ dependencies: ServiceDependencies, policy: AssistancePolicy,
                         clock: ServiceClock, sources: [any EconomicDataSource]) {
        router.get("/cases/:id") { _, context -> CaseView in
            guard let id = context.parameters.get("id", as: UUID.self) else {
                throw Problem.badRequest("request.invalid-id", "the case id must be a UUID")
            }
            return try await dependencies.database.withConnection { connection in
                try await view(try await CaseLedger.load(id, forUpdate: false, on: connection, logger: context.logger),
                               on: connection, logger: context.logger)
            }
        }
        router.get("/cases") { request, context -> CaseList in
            guard let text = request.uri.queryParameters.get("personRef") else {
                throw Problem.badRequest("request.missing-personRef", "give ?personRef=pr_…")
            }
            let person = try RequestParsing.personRef(text, field: "personRef")
            return try await dependencies.database.withConnection { connection in
                var cases: [CaseView] = []
                for record in try await CaseLedger.cases(of: person, forUpdate: false, on: connection, logger: context.logger) {
                    cases.append(try await view(record, on: connection, logger: context.logger))
                }
                return CaseList(cases: cases)
            }
        }
        router.post("/cases/:id/change-reports") { request, context -> EditedResponse<ReviewTask> in
            guard let id = context.parameters.get("id", as: UUID.self) else {
                throw Problem.badRequest("request.invalid-id", "the case id must be a UUID")
            }
            let body = try await request.decode(as: ChangeReport.self, context: context)
            let kind = try RequestParsing.choice(body.kind, field: "kind", as: ChangeKind.self)
            let description = try RequestParsing.nonEmpty(body.description, field: "description", max: 2_000)
            let task = try await dependencies.database.transaction(logger: context.logger) { connection in
                let record = try await CaseLedger.lock(id, on: connection, logger: context.logger)
                guard record.status == "active" else {
                    throw RuleViolation("case.not-active", "case \(id) is \(record.status); changes are reported on active cases", kind: .conflict)
                }
                if let reports = body.declaredIncomes, !reports.isEmpty {
                    try await redeclare(reports, household: record.householdID, key: dependencies.personRefKey,
                                        on: connection, logger: context.logger)
                }
                let taskID = UUID()
                try await connection.query("""
                    INSERT INTO review_tasks (id, case_id, household_id, kind, reason, due_on, cause_event_id)
                    VALUES (\(taskID), \(id), \(record.householdID), 're-verification', \("\(kind.rawValue) change: \(description)"),
                            \(clock.today().iso)::date, \(taskID))
                    """, logger: context.logger)
                return ReviewTask(taskId: taskID, caseId: id, householdId: record.householdID, kind: "re-verification",
                            reason: "\(kind.rawValue) change: \(description)", dueOn: clock.today().iso, status: "open")
            }
            return EditedResponse(status: .created, response: task)
        }
        router.post("/cases/:id/reverification") { _, context -> CaseView in
            guard let id = context.parameters.get("id", as: UUID.self) else {
                throw Problem.badRequest("request.invalid-id", "the case id must be a UUID")
            }
            return try await dependencies.database.transaction(logger: context.logger) { connection in
                let record = try await CaseReverification.run(id, sources: sources, policy: policy, today: clock.today(),
                                                              source: dependencies.source, on: connection, logger: context.logger)
                return try await view(record, on: connection, logger: context.logger)
            }
        }
        router.get("/review-tasks") { request, context -> TaskList in
            let status = request.uri.queryParameters.get("status") ?? "open"
            guard ["open", "done"].contains(status) else {
                throw Problem.badRequest("request.invalid-status", "status must be open or done")
            }
            let rows = try await dependencies.database.query("""
                SELECT id, case_id, household_id, kind, reason, due_on::text, status FROM review_tasks
                WHERE status = \(status) ORDER BY due_on, id LIMIT 500
                """, logger: context.logger)
            var tasks: [ReviewTask] = []
            for try await row in rows.decode((UUID, UUID?, UUID, String, String, String, String).self) {
                tasks.append(ReviewTask(taskId: row.0, caseId: row.1, householdId: row.2, kind: row.3, reason: row.4, dueOn: row.5, status: row.6))
            }
            return TaskList(tasks: tasks)
        }
    }

    /// Replaces the declared incomes of the members named in a change report. Refuses a person who
    /// is not a member of the household (`change-report.not-a-member`).
    static func redeclare(_ reports: [MemberIncomes], household: UUID, key: PersonRefKey, on connection: PostgresConnection,
                          logger: Logger) async throws {
        let declared = try await HouseholdStore.load(household, verified: false, on: connection, logger: logger)
        var members = declared.members
        for report in reports {
            let person: PersonRef
            switch (report.personRef, report.residentId) {
            case (let ref?, nil): person = try RequestParsing.personRef(ref, field: "declaredIncomes.personRef")
            case (nil, let id?): person = PersonRef.derive(from: try RequestParsing.residentID(id, field: "declaredIncomes.residentId"), key: key)
            default: throw Problem.badRequest("change-report.person-missing", "each declaredIncomes entry needs one of personRef and residentId")
            }
            guard let index = members.firstIndex(where: { $0.person == person }) else {
                throw RuleViolation.invalid("change-report.not-a-member", "\(person) is not a member of the household")
            }
            var incomes: [IncomeItem] = []
            for income in report.incomes {
                incomes.append(try IncomeItem(kind: try RequestParsing.choice(income.kind, field: "incomes.kind", as: IncomeItem.Kind.self),
                                              monthlyAmount: try RequestParsing.fen(income.monthlyFen, field: "incomes.monthlyFen"),
                                              note: "declared in a change report"))
            }
            let member = members[index]
            members[index] = try Member(person: member.person, relation: member.relation, birthDate: member.birthDate, sex: member.sex,
                                        disability: member.disability, workCapacity: member.workCapacity, seriouslyIll: member.seriouslyIll,
                                        incomes: incomes, assets: member.assets, employmentCosts: member.employmentCosts)
        }
        try await HouseholdStore.updateDeclared(household, members: members, on: connection, logger: logger)
    }

    static func view(_ record: CaseRecord, on connection: PostgresConnection, logger: Logger) async throws -> CaseView {
        var payments: [MonthAmount] = []
        let paid = try await connection.query(
            "SELECT to_char(month, 'YYYY-MM'), amount_fen FROM payments WHERE case_id = \(record.id) ORDER BY month", logger: logger)
        for try await (month, fen) in paid.decode((String, Int64).self) { payments.append(MonthAmount(month: month, amountFen: fen)) }
        var backPayments: [MonthAmount] = []
        let back = try await connection.query(
            "SELECT to_char(month, 'YYYY-MM'), amount_fen FROM back_payments WHERE case_id = \(record.id) ORDER BY month, paid_on",
            logger: logger)
        for try await (month, fen) in back.decode((String, Int64).self) { backPayments.append(MonthAmount(month: month, amountFen: fen)) }
        var claims: [Claim] = []
        let claimRows = try await connection.query("""
            SELECT id, person_ref, date_of_death::text, months::text, amount_fen, status FROM recovery_claims
            WHERE case_id = \(record.id) ORDER BY opened_on, id
            """, logger: logger)
        for try await row in claimRows.decode((UUID, String, String, String, Int64, String).self) {
            claims.append(Claim(claimId: row.0, personRef: row.1, dateOfDeath: row.2,
                                months: try JSONDecoder().decode([String: Int64].self, from: Data(row.3.utf8)), amountFen: row.4, status: row.5))
        }
        return CaseView(
            caseId: record.id, householdId: record.householdID, program: record.program.rawValue, region: record.region.rawValue,
            status: record.status, suspensionReason: record.suspensionReason, recipients: record.recipients.map(\.rawValue),
            monthlyAmountFen: record.terms.monthlyAmount.fen, firstMonth: record.terms.firstMonth.iso,
            lastMonth: record.terms.lastMonth?.iso, suspendedFrom: record.terms.suspendedFrom?.iso, departed: record.departed,
            payments: payments, backPayments: backPayments, recoveryClaims: claims)
    }
}
