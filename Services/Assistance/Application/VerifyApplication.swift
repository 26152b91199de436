import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// Economic verification (核对): asks every data source about every member, consolidates income
/// and assets, runs the program's test, records the result on the application and the household,
/// moves the application to township review and publishes `verification-completed`.
enum VerifyApplication {
    static func run(_ id: UUID, sources: [any EconomicDataSource], dependencies: ServiceDependencies, policy: AssistancePolicy,
                    today: CivilDate, logger: Logger) async throws -> StoredApplication {
        try await ApplicationStep.run(id, dependencies, logger: logger) { application, connection in
            try application.workflow.startVerification(on: today)
            let declared = try await HouseholdStore.load(application.householdID, verified: false, on: connection, logger: logger)
            var records: [VerificationRecord] = []
            for source in sources {
                records += try await source.records(for: declared.members.map(\.person), on: connection, logger: logger)
            }
            let household = try Household(area: declared.area, residence: declared.residence,
                                          members: try VerificationConsolidation.consolidate(declared.members, with: records))
            let standard = try await StandardStore.inForce(region: application.region, month: today.yearMonth, area: household.area,
                                                           on: connection, logger: logger)
            let summary = try VerificationSummary.evaluate(
                program: application.program, applicant: application.applicant, hasAbleSupporter: application.hasAbleSupporter,
                household: household, standard: standard, policy: policy, today: today, sources: Set(records.map(\.source)).sorted())
            try application.workflow.completeVerification(on: today)
            try application.workflow.beginReview(on: today)
            application.verification = summary
            try await HouseholdStore.updateVerified(application.householdID, members: household.members,
                                                    nearLowIncome: summary.nearLowIncome, on: connection, logger: logger)
            try await Outbox.append(
                VerificationCompleted(
                    applicationID: id, program: application.program, region: application.region,
                    members: household.members.map(\.person), completedOn: today,
                    monthlyIncomePerCapita: Money(fen: summary.monthlyIncomePerCapitaFen), totalAssets: Money(fen: summary.totalAssetsFen),
                    meetsMeansTest: summary.meetsMeansTest, findings: summary.findings.map(\.code), sources: summary.sources),
                source: dependencies.source, on: connection, logger: logger)
        }
    }
}
