import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// `assistance seed [--year Y] [--roster-months N] [--random-seed S]`: a county the size of Jingtai
/// (景泰县, 620423), loaded through the same use cases the HTTP API calls, so every rule applies and
/// every event lands in the outbox.
///
/// Figures: about 2,200 urban and 3,700 rural 低保 households, 500 特困 people and 2,300
/// temporary-assistance cases a year — the five-year totals of 《景泰县“十四五”民政事业发展规划》
/// 第一章（三） (11,048 and 18,694 低保 household-times, 2,504 特困, 11,644 临时救助) divided by
/// five — on Jingtai's 2020 standards
/// (urban 低保 577 yuan/month, rural 4,428 yuan/year; 特困 9,012 and 6,360 yuan/year). Applications
/// are spread over the year before `Y`; rosters are run for the first `N` months of `Y`. Some
/// applicants are above the line (rejected) and some of those are near-低保, so low-income
/// monitoring has households to find.
struct AssistanceSeed {
    var schedule = SeedSchedule()
    var urbanHouseholds = 2_200
    var ruralHouseholds = 3_700
    var extremePoverty = 500
    var temporaryCases = 2_300
    /// Applicants above the line, besides the households above (about one in ten applications is refused).
    var refusedApplicants = 650

    /// An application to run through the workflow.
    struct Plan: Sendable {
        var application: ApplicationIntake
        var submittedOn: CivilDate
        /// Agency records to deliver before verification (the table-backed source).
        var records: [(ref: String, wagesFen: Int64)]
    }

    struct Summary: Sendable {
        var granted: [AssistanceProgram: Int] = [:]
        var rejected = 0
        var refused: [String: Int] = [:]
        var rosters: [(String, Int, Int64)] = []
        var temporaryAdvanced = 0
        var temporaryLate = 0
        var temporaryReviewed = 0
    }

    static let townships = (1...11).map { String(format: "620423%03d", 99 + $0) }

    func plans(key: PersonRefKey) throws -> [Plan] {
        var random = SeedRandom(seed: schedule.randomSeed)
        var serial = 0
        let county = try RegionCode("620423")
        func resident(age: Int) throws -> ResidentID {
            serial += 1
            // Unique by construction: a birth day per block of 1,000 people, a sequence within it.
            let birth = try CivilDate(year: schedule.year - age - 1, month: 1, day: 1).adding(days: (serial / 1_000) * 11 % 365)
            return ResidentID.make(region: county, birth: birth, sequence: serial % 1_000)
        }
        func day() throws -> CivilDate { try CivilDate(year: schedule.year - 1, month: 1, day: 2).adding(days: random.below(320)) }
        var plans: [Plan] = []

        func household(area: UrbanRural, perCapitaIncomeFen: ClosedRange<Int>, size: ClosedRange<Int>) throws -> (Household, [(String, Int64)]) {
            let count = random.between(size)
            var members: [Member] = []
            var records: [(String, Int64)] = []
            let income = Int64(random.between(perCapitaIncomeFen)) * Int64(count)
            for index in 0..<count {
                let age = index == 0 ? random.between(35...75) : (index == 1 ? random.between(33...73) : random.between(2...17))
                let id = try resident(age: age)
                let person = PersonRef.derive(from: id, key: key)
                let earner = index == 0 && age < 60
                let disabled = random.chance(8) ? DisabilityGrade(rawValue: random.between(1...4)) : nil
                let wages = earner ? income : 0
                // Some earners under-declare; the social-insurance record shows the real wages.
                let declared = earner && random.chance(20) ? wages * 3 / 4 : wages
                if earner && declared != wages { records.append((person.rawValue, wages)) }
                members.append(try Member(
                    person: person, relation: index == 0 ? .applicant : (index == 1 ? .spouse : .child), residentID: id,
                    disability: disabled, workCapacity: earner ? .full : (age < 18 || age >= 60 ? .none : .partial),
                    seriouslyIll: random.chance(5),
                    incomes: declared > 0 ? [try IncomeItem(kind: .wages, monthlyAmount: Money(fen: declared), note: "declared")] : []))
            }
            return (try Household(area: area, residence: [.householdRegistration(county)], members: members), records)
        }

        func plan(_ program: AssistanceProgram, _ household: Household, _ records: [(String, Int64)], supporter: Bool = false,
                  selfCare: SelfCareAbility? = nil) throws {
            guard let applicant = household.members.first?.person else { return }
            plans.append(Plan(
                application: ApplicationIntake(
                    idempotencyKey: "seed-\(schedule.year)-\(plans.count)", program: program,
                    intakeRegion: try RegionCode(Self.townships[random.below(Self.townships.count)]), applicant: applicant,
                    household: household, region: county, hasAbleSupporter: supporter, selfCareAbility: selfCare),
                submittedOn: try day(), records: records.map { (ref: $0.0, wagesFen: $0.1) }))
        }

        for _ in 0..<urbanHouseholds {
            let (household, records) = try household(area: .urban, perCapitaIncomeFen: 0...40_000, size: 1...4)
            try plan(.minimumLivingAllowance, household, records)
        }
        for _ in 0..<ruralHouseholds {
            let (household, records) = try household(area: .rural, perCapitaIncomeFen: 0...25_000, size: 1...5)
            try plan(.minimumLivingAllowance, household, records)
        }
        for _ in 0..<refusedApplicants {
            // Above the line; most below 1.5× (near-低保, 低保边缘).
            let urban = random.chance(40)
            let standard = urban ? 57_700 : 36_900
            let (household, records) = try household(area: urban ? .urban : .rural,
                                                      perCapitaIncomeFen: (standard + 100)...(standard * 16 / 10), size: 1...4)
            try plan(.minimumLivingAllowance, household, records)
        }
        for _ in 0..<extremePoverty {
            let id = try resident(age: random.between(61...92))
            let person = PersonRef.derive(from: id, key: key)
            let member = try Member(person: person, relation: .applicant, residentID: id,
                                    disability: random.chance(30) ? .one : nil, workCapacity: .none)
            let household = try Household(area: random.chance(35) ? .urban : .rural, residence: [.householdRegistration(county)],
                                          members: [member])
            try plan(.extremePoverty, household, [],
                     selfCare: [SelfCareAbility.fullySelfCaring, .partiallyDependent, .fullyDependent][random.below(3)])
        }
        return plans
    }

    func run(dependencies: ServiceDependencies, policy: AssistancePolicy) async throws -> Summary {
        let logger = dependencies.logger
        var summary = Summary()
        try await publishStandards(dependencies: dependencies, policy: policy)
        let plans = try plans(key: dependencies.personRefKey)

        // Eight workers in parallel: each application is its own short transactions.
        let lanes = 8
        let results = try await withThrowingTaskGroup(of: Summary.self) { group in
            for lane in 0..<lanes {
                group.addTask {
                    var partial = Summary()
                    for index in stride(from: lane, to: plans.count, by: lanes) {
                        if lane == 0, index % 1_000 == 0 {
                            // Progress on standard error; the summary goes to standard output.
                            FileHandle.standardError.write(Data("  … \(index) of \(plans.count) applications\n".utf8))
                        }
                        do {
                            let outcome = try await process(plans[index], dependencies: dependencies, policy: policy)
                            if let program = outcome { partial.granted[program, default: 0] += 1 } else { partial.rejected += 1 }
                        } catch let violation as RuleViolation {
                            partial.refused[violation.code, default: 0] += 1
                        }
                    }
                    return partial
                }
            }
            var total = Summary()
            for try await partial in group {
                total.granted.merge(partial.granted, uniquingKeysWith: +)
                total.rejected += partial.rejected
                total.refused.merge(partial.refused, uniquingKeysWith: +)
            }
            return total
        }
        summary.granted = results.granted
        summary.rejected = results.rejected
        summary.refused = results.refused

        let county = try RegionCode("620423")
        for offset in 0..<schedule.rosterMonths {
            let month = try YearMonth(year: schedule.year, month: 1).adding(months: offset)
            let roster = try await GeneratePaymentRoster.run(region: county, month: month, dependencies: dependencies, logger: logger)
            summary.rosters.append((month.iso, roster.payments, roster.total.fen))
        }
        try await temporaryAssistance(&summary, dependencies: dependencies, policy: policy)
        return summary
    }

    func publishStandards(dependencies: ServiceDependencies, policy: AssistancePolicy) async throws {
        let today = try CivilDate(year: 2020, month: 1, day: 1)
        let county = try RegionCode("620423")
        for standard in [
            try AssistanceStandard(region: county, year: 2020, area: .urban, minimumLivingAllowance: Money(fen: 57_700),
                                   extremePovertyBasic: try AssistanceStandard.monthly(fromAnnual: Money(fen: 901_200)),
                                   extremePovertyCare: [.partiallyDependent: Money(fen: 20_000), .fullyDependent: Money(fen: 40_000)]),
            try AssistanceStandard(region: county, year: 2020, area: .rural,
                                   minimumLivingAllowance: try AssistanceStandard.monthly(fromAnnual: Money(fen: 442_800)),
                                   extremePovertyBasic: try AssistanceStandard.monthly(fromAnnual: Money(fen: 636_000)),
                                   extremePovertyCare: [.partiallyDependent: Money(fen: 15_000), .fullyDependent: Money(fen: 30_000)]),
        ] {
            _ = try await PublishStandard.run(standard, override: nil, publishedOn: today, today: today, policy: policy,
                                              dependencies: dependencies,
                                              logger: dependencies.logger)
        }
    }

    /// Intake → verification → home visit → public notice → approval (or rejection). Returns the
    /// program granted, or nil when the application was rejected.
    func process(_ plan: Plan, dependencies: ServiceDependencies, policy: AssistancePolicy) async throws -> AssistanceProgram? {
        let logger = dependencies.logger
        if !plan.records.isEmpty {
            try await DeliverVerificationRecords.run(
                source: "social-insurance",
                records: plan.records.map {
                    VerificationRecordStore.Record(personRef: $0.ref, kind: "income", category: "wages", amountFen: $0.wagesFen, note: "seed")
                },
                dependencies: dependencies, logger: logger)
        }
        let day = plan.submittedOn
        let id = try await SubmitApplication.run(plan.application, dependencies: dependencies, policy: policy, today: day,
                                                 logger: logger).application.id
        let verified = try await VerifyApplication.run(id, sources: [TableDataSource()], dependencies: dependencies, policy: policy,
                                                       today: day.adding(days: 2), logger: logger)
        _ = try await ApplicationStep.recordHomeVisit(id, visitor: "乡镇社工", notes: "入户调查：家庭情况与申报一致", on: day.adding(days: 4),
                                                      dependencies: dependencies, logger: logger)
        guard verified.verification?.meetsMeansTest == true else {
            _ = try await ApplicationStep.reject(id, code: "income-above-standard", reason: "家庭月人均收入不低于当地低保标准",
                                                 on: day.adding(days: 5), dependencies: dependencies, logger: logger)
            return nil
        }
        _ = try await ApplicationStep.startPublicNotice(id, on: day.adding(days: 5), dependencies: dependencies, logger: logger)
        _ = try await ApproveApplication.run(id, by: policy.workflow.approvingAuthority, policy: policy, today: day.adding(days: 12),
                                             dependencies: dependencies, logger: logger)
        return plan.application.program
    }

    /// 临时救助 over the year: seven in ten urgent (advanced from the township's reserve, a few
    /// after the 24-hour target), the rest expenditure cases reviewed and granted.
    func temporaryAssistance(_ summary: inout Summary, dependencies: ServiceDependencies, policy: AssistancePolicy) async throws {
        var random = SeedRandom(seed: schedule.randomSeed ^ 0x7E3B)
        let logger = dependencies.logger
        for township in Self.townships {
            _ = try await TemporaryAssistanceCases.topUpReserve(try RegionCode(township), by: Money(fen: 100_000_000),
                                                                dependencies: dependencies, logger: logger)
        }
        let start = try CivilDate(year: schedule.year, month: 1, day: 1)
        for index in 0..<temporaryCases {
            let id = ResidentID.make(region: try RegionCode("620423"), birth: try CivilDate(year: 1960, month: 1, day: 1).adding(days: index / 1_000 * 13 + 3),
                                     sequence: index % 1_000)
            let person = PersonRef.derive(from: id, key: dependencies.personRefKey)
            let township = Self.townships[random.below(Self.townships.count)]
            let urgent = random.chance(70)
            let reportedAt = Date(timeIntervalSince1970: TimeInterval(start.daysSinceEpoch * 86_400 + random.below(330 * 86_400)))
            let caseID = UUID()
            let reportingTownship = try RegionCode(township)
            try await dependencies.database.withConnection { connection in
                try await TemporaryCaseStore.insert(
                    id: caseID, need: urgent ? .urgent(emergencyRegion: reportingTownship) : .expenditure, person: person,
                    region: try RegionCode("620423"), township: reportingTownship,
                    description: urgent ? "突发火灾，房屋受损" : "大病医疗自付费用高", reportedAt: reportedAt, on: connection, logger: logger)
            }
            if urgent {
                let late = random.chance(4)
                let hours = late ? Double(random.between(25...40)) : Double(random.between(1...20))
                _ = try await TemporaryAssistanceCases.advance(caseID, amount: Money(fen: Int64(random.between(50...300)) * 1_000),
                                                               at: reportedAt.addingTimeInterval(hours * 3_600), policy: policy,
                                                               dependencies: dependencies, logger: logger)
                summary.temporaryAdvanced += 1
                if late { summary.temporaryLate += 1 }
            } else {
                _ = try await TemporaryAssistanceCases.review(caseID, granted: Money(fen: Int64(random.between(100...500)) * 1_000),
                                                              today: CivilDate(daysSinceEpoch: Int(reportedAt.timeIntervalSince1970) / 86_400),
                                                              dependencies: dependencies, logger: logger)
                summary.temporaryReviewed += 1
            }
        }
    }

    func load() async throws {
        let seed = self
        let policy = try AssistancePolicy.fromEnvironment(ProcessInfo.processInfo.environment)
        try await StandaloneTool.run(.assistance, migrations: AssistanceMigrations.all, label: "civil.assistance.seed") { dependencies in
            let start = ContinuousClock.now
            let summary = try await seed.run(dependencies: dependencies, policy: policy)
            let rosters = summary.rosters.map { "\($0.0): \($0.1) households, \(Money(fen: $0.2)) yuan" }.joined(separator: "\n    ")
            print("""
                assistance seed: county 620423, applications in \(seed.schedule.year - 1), rosters for \(seed.schedule.year), \(ContinuousClock.now - start)
                  granted: 低保 \(summary.granted[.minimumLivingAllowance, default: 0]) cases, 特困 \(summary.granted[.extremePoverty, default: 0]); \
                rejected after verification: \(summary.rejected)
                  temporary assistance: \(summary.temporaryAdvanced) urgent advances (\(summary.temporaryLate) after the 24-hour target), \
                \(summary.temporaryReviewed) expenditure cases granted
                  refused by the rules: \(summary.refused.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
                  rosters:
                    \(rosters)
                  all events are in the outbox; the running service publishes them.
                """)
        }
    }
}

extension AssistanceSeed: ScalableSeed {
    /// Scaled by `--scale`: every count of the county.
    static var scaledCounts: [WritableKeyPath<Self, Int>] {
        [\.urbanHouseholds, \.ruralHouseholds, \.extremePoverty, \.temporaryCases, \.refusedApplicants]
    }
}
