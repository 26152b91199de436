import AssistanceDomain
import Contracts
import Foundation
import Hummingbird
import Logging
import PostgresNIO
import RosterStore
import ServiceKit

/// Cases and their history: `GET /cases/{id}` (payments, back-payments, recovery claims),
/// `GET /cases?personRef=`, change reports and re-verification (with 渐退), review tasks.
enum CaseRoutes {
    struct ChangeReportRequest: Decodable, Sendable {
        /// `income`, `household` or `residence`.
        var kind: String
        var description: String
        /// For an income change: the members' newly declared monthly incomes, replacing what they
        /// declared before (re-verification then weighs them against the agencies' records).
        var declaredIncomes: [MemberIncomes]?
        /// For a residence change: the household's residence bases from now on (a move; see `ChangeReport`).
        var residence: [ResidenceRequest]?
    }

    struct MemberIncomes: Decodable, Sendable {
        var residentId: String?
        var personRef: String?
        var incomes: [IncomeRequest]
    }

    struct CaseList: ResponseEncodable {
        var cases: [CaseView]
    }

    struct TaskList: ResponseEncodable {
        var tasks: [ReviewTaskView]
    }

    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies, policy: AssistancePolicy,
                         clock: ServiceClock, sources: [any EconomicDataSource]) {
        let benefitCase = RecordRegions.benefitCase(dependencies)
        // Finance reads a case for its payments and recovery claims.
        routes.get("/cases/:id", RoutePolicy(roles: [.intake, .reviewer, .approver, .finance, .auditor], region: .record, personalData: true),
                   regionOf: benefitCase) { _, context -> CaseView in
            let id = try context.parameters.require("id", as: UUID.self)
            return try await dependencies.database.withConnection { connection in
                let benefit = try await CaseStore.load(id, forUpdate: false, on: connection, logger: context.logger)
                return try await CaseView.withLedger(benefit, on: connection, logger: context.logger)
            }
        }
        // A person's cases within the token's region: those of households living there now.
        routes.get("/cases", RoutePolicy(roles: [.intake, .reviewer, .approver, .finance, .auditor], region: .fromToken, personalData: true)) { request, context -> CaseList in
            guard let text = request.uri.queryParameters.get("personRef") else {
                throw RuleViolation.invalid("request.missing-personRef", "give ?personRef=pr_…")
            }
            let person = try RequestParsing.personRef(text, field: "personRef")
            let scope = try context.requirePrincipal().region
            return try await dependencies.database.withConnection { connection in
                var cases: [CaseView] = []
                for benefit in try await CaseStore.cases(of: person, forUpdate: false, within: scope, on: connection, logger: context.logger) {
                    cases.append(try await CaseView.withLedger(benefit, on: connection, logger: context.logger))
                }
                return CaseList(cases: cases)
            }
        }
        // Reported where the household lives when it reports (a move is reported to the county it leaves).
        routes.post("/cases/:id/change-reports", RoutePolicy(roles: [.intake], region: .record),
                    regionOf: benefitCase) { request, context -> EditedResponse<ReviewTaskView> in
            let id = try context.parameters.require("id", as: UUID.self)
            let body = try await request.decode(as: ChangeReportRequest.self, context: context)
            let report = try body.report(key: dependencies.personRefKey)
            let task = try await ReportChange.run(report, caseID: id, policy: policy.residence, today: clock.today(),
                                                  dependencies: dependencies, logger: context.logger)
            return EditedResponse(status: .created, response: ReviewTaskView(task))
        }
        routes.post("/cases/:id/reverification", RoutePolicy(roles: [.reviewer], region: .record),
                    regionOf: benefitCase) { _, context -> CaseView in
            let id = try context.parameters.require("id", as: UUID.self)
            let benefit = try await ReverifyCase.run(id, sources: sources, policy: policy, today: clock.today(), dependencies: dependencies,
                                                     logger: context.logger)
            return try await dependencies.database.withConnection { connection in
                try await CaseView.withLedger(benefit, on: connection, logger: context.logger)
            }
        }
        // Tasks of households living within the token's region; a task's reason may quote a reported
        // change (incomes, members), hence personal data.
        routes.get("/review-tasks", RoutePolicy(roles: [.reviewer, .approver, .auditor], region: .fromToken, personalData: true)) { request, context -> TaskList in
            let status = try RequestParsing.choice(request.uri.queryParameters.get("status") ?? "open", field: "status",
                                                   as: ReviewTask.Status.self)
            let scope = try context.requirePrincipal().region
            return TaskList(tasks: try await dependencies.database.withConnection { connection in
                try await ReviewTaskStore.tasks(status: status, within: scope, on: connection, logger: context.logger)
            }.map(ReviewTaskView.init))
        }
    }
}

extension CaseRoutes.ChangeReportRequest {
    func report(key: PersonRefKey) throws(RuleViolation) -> ChangeReport {
        let kind = try RequestParsing.choice(self.kind, field: "kind", as: ChangeReport.Kind.self)
        let description = try RequestParsing.nonEmpty(self.description, field: "description", max: 2_000)
        var declared: [(person: PersonRef, incomes: [IncomeItem])] = []
        for entry in declaredIncomes ?? [] {
            let person = try PersonIdentification.person(
                personRef: entry.personRef, residentId: entry.residentId, fieldPrefix: "declaredIncomes.", key: key,
                missing: .invalid("change-report.person-missing", "each declaredIncomes entry needs one of personRef and residentId"))
            var incomes: [IncomeItem] = []
            for income in entry.incomes { incomes.append(try income.parse(note: "declared in a change report")) }
            declared.append((person, incomes))
        }
        return ChangeReport(kind: kind, description: description, declaredIncomes: declared,
                            residence: try ResidenceRequest.parse(residence ?? []))
    }
}

/// A case as the API shows it, with its payments, back-payments and recovery claims.
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

    /// The case with its payments, back-payments and recovery claims on the roster.
    static func withLedger(_ benefit: BenefitCase, on connection: PostgresConnection, logger: Logger) async throws -> CaseView {
        CaseView(benefit, ledger: try await PaymentLedger.ledger(of: benefit.id, program: benefit.program.rawValue, on: connection,
                                                                 logger: logger))
    }

    init(_ benefit: BenefitCase, ledger: PaymentLedger.Ledger) {
        caseId = benefit.id
        householdId = benefit.householdID
        program = benefit.program.rawValue
        region = benefit.region.rawValue
        status = benefit.status.rawValue
        suspensionReason = benefit.suspensionReason
        recipients = benefit.recipients.map(\.rawValue)
        monthlyAmountFen = benefit.terms.monthlyAmount.fen
        firstMonth = benefit.terms.firstMonth.iso
        lastMonth = benefit.terms.lastMonth?.iso
        suspendedFrom = benefit.terms.suspendedFrom?.iso
        departed = benefit.departed
        payments = ledger.payments.map { MonthAmount(month: $0.month.iso, amountFen: $0.amount.fen) }
        backPayments = ledger.backPayments.map { MonthAmount(month: $0.month.iso, amountFen: $0.amount.fen) }
        recoveryClaims = ledger.recoveryClaims.map {
            Claim(claimId: $0.id, personRef: $0.person.rawValue, dateOfDeath: $0.endedOn.iso, months: $0.monthsFen,
                  amountFen: $0.amount.fen, status: $0.status.rawValue)
        }
    }
}

/// A review task as the API shows it.
struct ReviewTaskView: ResponseEncodable {
    var taskId: UUID
    var caseId: UUID?
    var householdId: UUID
    var kind: String
    var reason: String
    var dueOn: String
    var status: String

    init(_ task: ReviewTask) {
        taskId = task.id
        caseId = task.caseID
        householdId = task.householdID
        kind = task.kind.rawValue
        reason = task.reason
        dueOn = task.dueOn.iso
        status = task.status.rawValue
    }
}
