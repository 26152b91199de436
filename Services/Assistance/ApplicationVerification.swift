import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// Economic verification (核对): asks every data source about every member, consolidates income
/// and assets, runs the program's test, records the result on the application and the household,
/// and moves the application to township review.
enum ApplicationVerification {
    static func run(_ id: UUID, sources: [any EconomicDataSource], dependencies: ServiceDependencies,
                    policy: AssistancePolicy, today: CivilDate, logger: Logger) async throws -> ApplicationRoutes.View {
        try await dependencies.database.transaction(logger: logger) { connection in
            var application = try await ApplicationStore.lock(id, on: connection, logger: logger)
            try application.workflow.startVerification(on: today)
            let declared = try await HouseholdStore.load(application.householdID, verified: false, on: connection, logger: logger)
            var records: [VerificationRecord] = []
            for source in sources {
                records += try await source.records(for: declared.members.map(\.person), on: connection, logger: logger)
            }
            let household = try Household(area: declared.area, residence: declared.residence,
                                          members: try VerificationConsolidation.consolidate(declared.members, with: records))
            let standard = try await StandardStore.inForce(region: application.region, year: today.year, area: household.area,
                                                           on: connection, logger: logger)
            let summary = try evaluate(application, household: household, standard: standard, policy: policy, today: today,
                                       sources: Set(records.map(\.source)).sorted())
            try application.workflow.completeVerification(on: today)
            try application.workflow.beginReview(on: today)
            application.verification = summary
            try await HouseholdStore.updateMembers(application.householdID, members: household.members,
                                                   nearLowIncome: summary.nearLowIncome, on: connection, logger: logger)
            try await ApplicationStore.save(application, on: connection, logger: logger)
            try await Outbox.append(
                VerificationCompleted(
                    applicationID: id, program: application.program, region: application.region,
                    members: household.members.map(\.person), completedOn: today,
                    monthlyIncomePerCapita: Money(fen: summary.monthlyIncomePerCapitaFen), totalAssets: Money(fen: summary.totalAssetsFen),
                    meetsMeansTest: summary.meetsMeansTest, findings: summary.findings.map(\.code), sources: summary.sources),
                source: dependencies.source, on: connection, logger: logger)
            return ApplicationRoutes.View(application)
        }
    }

    /// The program's test on the verified household: the 低保 means test (with 单人户), or 特困
    /// eligibility of the applicant.
    static func evaluate(_ application: StoredApplication, household: Household, standard: AssistanceStandard,
                         policy: AssistancePolicy, today: CivilDate, sources: [String]) throws(RuleViolation) -> VerificationSummary {
        let test = MeansTest(policy: policy.meansTest)
        let income = try test.countableIncome(of: household.members, area: household.area)
        let perCapita = income.countable.fen / Int64(household.size)
        let assets = household.members.flatMap(\.assets).reduce(Int64(0)) { $0 + $1.value.fen }
        let nearLowIncome = try test.isNearLowIncome(countableIncome: income.countable, householdSize: household.size,
                                                     standard: standard.minimumLivingAllowance)
        switch application.program {
        case .extremePoverty:
            guard let applicant = household.member(application.applicant) else {
                throw RuleViolation("application.applicant-not-member", "the applicant is no longer a household member")
            }
            let decision = ExtremePovertyEligibility.evaluate(applicant, hasAbleSupporter: application.hasAbleSupporter,
                                                              on: today, policy: policy.extremePoverty)
            var findings = decision.bases.map {
                VerificationSummary.Finding(code: "extreme-poverty.basis-\($0.rawValue)", passed: true, explanation: "qualifies as \($0.rawValue)")
            }
            findings += decision.refusals.map { VerificationSummary.Finding(code: $0.code, passed: false, explanation: $0.detail) }
            return VerificationSummary(completedOn: today, sources: sources, monthlyIncomePerCapitaFen: perCapita,
                                       countableIncomeFen: income.countable.fen, totalAssetsFen: assets,
                                       meetsMeansTest: decision.isEligible, verdict: "individual", singlePersons: [],
                                       nearLowIncome: nearLowIncome, findings: findings)
        case .minimumLivingAllowance, .temporaryAssistance:
            let decision = try test.evaluate(household, standard: standard)
            var verdict = "ineligible"
            var singles: [PersonRef] = []
            switch decision.verdict {
            case .eligibleHousehold: verdict = "household"
            case .eligibleSinglePersons(let people): verdict = "single-person"; singles = people
            case .ineligible: break
            }
            return VerificationSummary(
                completedOn: today, sources: sources, monthlyIncomePerCapitaFen: perCapita, countableIncomeFen: income.countable.fen,
                totalAssetsFen: assets, meetsMeansTest: decision.isEligible, verdict: verdict, singlePersons: singles,
                nearLowIncome: nearLowIncome,
                findings: decision.findings.map { .init(code: $0.code, passed: $0.passed, explanation: $0.explanation) })
        }
    }
}
