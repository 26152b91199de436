import Contracts
import ElderCareDomain
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// `elder-care seed [--year Y] [--roster-months N] [--scale P] [--random-seed S]`: a county the
/// size of Jingtai (景泰县, 620423), loaded through the same use cases the HTTP API calls, so every
/// rule applies and every event lands in the outbox.
///
/// Stated by seed 003 (§1.2, 《景泰县“十四五”民政事业发展规划》): 4 public institutions — 1 county
/// welfare home (社会福利院) and 3 rural 敬老院 — with 265 beds and 105 residents; 551 economically
/// difficult, dispersed 特困 and poor severely disabled elderly in government-purchased home care;
/// 320 rural left-behind elderly in the visiting scheme; nursing-type beds to reach 55%.
///
/// Derived or assumed (the seeds are silent): the county's population is not stated (seed 003 notes
/// its only figure is inconsistent); we take about 220,000 residents, 2% of them 80 and over
/// (China's 2020 census share is 2.5%; Gansu's is lower), so about 4,400 people on the allowance.
/// Besides them the register holds the key elders aged 60–79: the 320 left-behind and the 551
/// home-care clients (economic hardship) as stated, and assumed counts of living-alone (900),
/// empty-nest (1,200) and special-family (60) elderly. One in ten registered people is assessed
/// (more among the oldest); 60 people apply for a public bed, 5 of them are admitted, the rest
/// stay queued (the 105 residents include those 5). The split of the 265 beds by type and home,
/// and the allowance tiers — 100 yuan a month from 80, 200 from 90, 500 from 100 — are assumed.
/// Registrations are spread over the year before `Y` (the standard takes effect in January of
/// `Y`); rosters are run for the first `N` months of `Y`.
struct ElderCareSeed {
    var schedule = SeedSchedule()
    var advancedAge = 4_400
    var livingAlone = 900
    var emptyNest = 1_200
    var leftBehind = 320
    var economicHardship = 551
    var specialFamily = 60
    var applicants = 60
    var admitted = 5

    static let county = "620423"
    static let townships = (1...11).map { String(format: "620423%03d", 99 + $0) }

    /// The assumed tiers (fen a month): the seeds give no amounts.
    static let tiers = [SetAllowanceStandard.Tier(minimumAge: 80, monthlyAmountFen: 10_000),
                        SetAllowanceStandard.Tier(minimumAge: 90, monthlyAmountFen: 20_000),
                        SetAllowanceStandard.Tier(minimumAge: 100, monthlyAmountFen: 50_000)]

    /// One person to register: who, where, when, and the category a caseworker records.
    struct Person: Sendable {
        var resident: ResidentID
        var township: RegionCode
        var registeredOn: CivilDate
        var category: KeyCategory?
        var assessed: Bool
    }

    struct Summary: Sendable {
        var registered = 0
        var categories: [KeyCategory: Int] = [:]
        var assessed: [String: Int] = [:]
        var institutions = 0
        var beds = 0
        var occupied = 0
        var queued = 0
        var admitted = 0
        var standard = "set"
        var refused: [String: Int] = [:]
        var rosters: [(month: String, paid: Int, totalFen: Int64)] = []
    }

    func people() throws -> [Person] {
        var random = SeedRandom(seed: schedule.randomSeed)
        let county = try RegionCode(Self.county)
        var serial = 0
        var people: [Person] = []
        func add(age: Int, category: KeyCategory?, assessedPercent: Int) throws {
            serial += 1
            // Born early in the year, registered from 10 March: `age` on the registration day.
            // Unique by construction: a birth day per block of 1,000 people, a sequence within it.
            let birth = try CivilDate(year: schedule.year - 1 - age, month: 1, day: 1).adding(days: (serial / 1_000) % 60)
            let resident = ResidentID.make(region: county, birth: birth, sequence: serial % 1_000)
            let registeredOn = try CivilDate(year: schedule.year - 1, month: 3, day: 10).adding(days: random.below(290))
            people.append(Person(resident: resident, township: try RegionCode(Self.townships[random.below(Self.townships.count)]),
                                 registeredOn: registeredOn, category: category, assessed: random.chance(assessedPercent)))
        }
        for _ in 0..<advancedAge {
            // 80–89 most; about one in eight 90–99; a few centenarians.
            let age = random.chance(1) ? random.between(100...104) : (random.chance(12) ? random.between(90...99) : random.between(80...89))
            let category: KeyCategory? = random.chance(15) ? .livingAlone : (random.chance(20) ? .emptyNest : nil)
            try add(age: age, category: category, assessedPercent: 20)
        }
        for (category, count) in [(KeyCategory.livingAlone, livingAlone), (.emptyNest, emptyNest), (.leftBehind, leftBehind),
                                  (.economicHardship, economicHardship), (.specialFamily, specialFamily)] {
            for _ in 0..<count { try add(age: random.between(60...79), category: category, assessedPercent: 8) }
        }
        return people
    }

    func run(dependencies: ServiceDependencies, policy: ElderCarePolicy) async throws -> Summary {
        let logger = dependencies.logger
        let county = try RegionCode(Self.county)
        var summary = Summary()
        let people = try people()

        // Eight workers in parallel: each registration is its own short transactions.
        let lanes = 8
        let partials = try await withThrowingTaskGroup(of: Summary.self) { group in
            for lane in 0..<lanes {
                group.addTask {
                    var partial = Summary()
                    var random = SeedRandom(seed: schedule.randomSeed ^ UInt64(lane + 1))
                    for index in stride(from: lane, to: people.count, by: lanes) {
                        if lane == 0, index % 1_000 == 0 {
                            // Progress on standard error; the summary goes to standard output.
                            FileHandle.standardError.write(Data("  … \(index) of \(people.count) elders\n".utf8))
                        }
                        do {
                            try await register(people[index], random: &random, into: &partial, dependencies: dependencies, policy: policy)
                        } catch let violation as RuleViolation {
                            partial.refused[violation.code, default: 0] += 1
                        }
                    }
                    return partial
                }
            }
            var total = Summary()
            for try await partial in group {
                total.registered += partial.registered
                total.categories.merge(partial.categories, uniquingKeysWith: +)
                total.assessed.merge(partial.assessed, uniquingKeysWith: +)
                total.refused.merge(partial.refused, uniquingKeysWith: +)
            }
            return total
        }
        summary.registered = partials.registered
        summary.categories = partials.categories
        summary.assessed = partials.assessed
        summary.refused = partials.refused

        let homes = try await institutions(&summary, dependencies: dependencies)
        try await waitingList(people, homes: homes, into: &summary, dependencies: dependencies, policy: policy)

        do {
            _ = try await SetAllowanceStandard.run(county: county, effectiveFrom: try YearMonth(year: schedule.year, month: 1), tiers: Self.tiers,
                                                   setBy: "seed-policy", today: try CivilDate(year: schedule.year - 1, month: 12, day: 15),
                                                   settings: policy.allowance, dependencies: dependencies, logger: logger)
        } catch let violation as RuleViolation where violation.code == "allowance.standard-month-rostered" {
            // Loaded after the demo paid later months: the standard in force stays.
            summary.standard = "kept (a later month was already paid)"
        }
        for offset in 0..<schedule.rosterMonths {
            let month = try YearMonth(year: schedule.year, month: 1).adding(months: offset)
            let roster = try await GenerateAllowanceRoster.run(region: county, month: month, settings: policy.allowance,
                                                               today: try CivilDate(year: month.year, month: month.month, day: 25),
                                                               dependencies: dependencies, logger: logger)
            summary.rosters.append((month.iso, roster.roster.payments, roster.roster.total.fen))
        }
        return summary
    }

    /// Registers one person, records their category with its evidence, and assesses them if chosen.
    func register(_ person: Person, random: inout SeedRandom, into summary: inout Summary, dependencies: ServiceDependencies,
                  policy: ElderCarePolicy) async throws {
        let logger = dependencies.logger
        let day = person.registeredOn
        let phone = "139\(String(format: "%08d", random.below(100_000_000)))"
        let command = RegisterElder.Command(
            residentID: person.resident, name: Self.name(&random), address: "景泰县\(Self.village(&random))\(random.between(1...120))号",
            phone: random.chance(85) ? phone : nil,
            contacts: random.chance(70) ? [ElderContact(name: Self.name(&random), relation: "子女", phone: phone)] : [],
            region: person.township, registeredOn: day, registeredBy: "seed-caseworker")
        let (elder, _) = try await RegisterElder.run(command, today: day, policy: policy, dependencies: dependencies, logger: logger)
        summary.registered += 1
        if let category = person.category {
            let evidence = try CategoryEvidence(kind: category == .economicHardship ? .certificate : .homeVisit,
                                                reference: "景泰县民政局台账-\(day.year)-\(summary.registered)")
            _ = try await RecordCategory.record(category, for: elder.person, from: day, evidence: evidence, by: "seed-caseworker",
                                                today: day, policy: policy, dependencies: dependencies, logger: logger)
            summary.categories[category, default: 0] += 1
        }
        if person.assessed {
            let assessment = try Self.assessment(on: day.adding(days: random.between(1...20)), random: &random)
            try await RecordAssessment.run(StoredAssessment(id: UUID(), person: elder.person, region: person.township,
                                                            assessment: assessment, assessor: "seed-assessor"),
                                           today: assessment.assessedOn, policy: policy, dependencies: dependencies, logger: logger)
            summary.assessed[assessment.level.name, default: 0] += 1
        }
    }

    /// Item scores for a person: one dependency factor lowers every item, so domains agree.
    static func assessment(on day: CivilDate, random: inout SeedRandom) throws -> CapabilityAssessment {
        let dependency = [0, 0, 10, 25, 40, 55, 70, 90][random.below(8)]
        var items: [CapabilityItem: Int] = [:]
        for item in CapabilityItem.allCases {
            let lowered = item.maximumScore * (100 - dependency + random.between(-10...10)) / 100
            items[item] = min(item.maximumScore, max(0, lowered))
        }
        return try CapabilityAssessment(assessedOn: day, items: items)
    }

    /// The four public institutions of seed 003 with their 265 beds; occupancy is what the seed
    /// states (105) less the residents the waiting list admits next.
    func institutions(_ summary: inout Summary, dependencies: ServiceDependencies) async throws -> [UUID] {
        let logger = dependencies.logger
        let filedOn = try CivilDate(year: schedule.year - 1, month: 2, day: 1)
        let county = try RegionCode(Self.county)
        let homes: [(name: String, kind: InstitutionKind, region: String, code: String, nursing: (Int, Int), dementia: (Int, Int),
                     general: (Int, Int))] = [
            ("景泰县社会福利院", .welfareHome, Self.county, "43900512", (70, 30), (10, 4), (40, 11)),
            ("景泰县一条山镇敬老院", .extremePovertySupport, "620423100", "43900513", (30, 10), (0, 0), (20, 10)),
            ("景泰县芦阳镇敬老院", .extremePovertySupport, "620423101", "43900514", (25, 8), (0, 0), (25, 12)),
            ("景泰县喜泉镇敬老院", .extremePovertySupport, "620423105", "43900515", (20, 8), (0, 0), (25, 12 - admitted)),
        ]
        // A second load finds its institutions filed already (by name in the county) and leaves them as they are.
        let filed = try await dependencies.database.withConnection { connection in
            try await InstitutionStore.institutions(within: county, on: connection, logger: logger)
        }
        var ids: [UUID] = []
        for home in homes {
            if let existing = filed.first(where: { $0.institution.name == home.name }) {
                ids.append(existing.id)
                continue
            }
            let institution = try ElderCareInstitution(
                name: home.name, operatorCode: try CreditCode.make(authority: "1", type: "2", region: county, organisationCodeBase8: home.code),
                ownership: .public, kind: home.kind, region: try RegionCode(home.region), filedOn: filedOn)
            let stored = try await InstitutionFiling.file(institution, dependencies: dependencies, logger: logger)
            let beds = try BedInventory([.nursing: home.nursing, .dementia: home.dementia, .general: (home.general.0, max(0, home.general.1))])
            try await InstitutionFiling.changeBeds(stored.id, to: beds, on: filedOn.adding(days: 1), dependencies: dependencies, logger: logger)
            try await InstitutionFiling.grade(stored.id, try InstitutionGrade(grade: home.kind == .welfareHome ? 3 : 2,
                                                                              awardedOn: filedOn.adding(days: 30)),
                                              dependencies: dependencies, logger: logger)
            summary.institutions += 1
            summary.beds += beds.totalBeds
            summary.occupied += beds.totalOccupied
            ids.append(stored.id)
        }
        return ids
    }

    /// Applications for a public bed from the oldest registered people (assessed on applying, so
    /// queued); the first `admitted` of the county's queue are offered a general bed in the last
    /// 敬老院 and admitted.
    func waitingList(_ people: [Person], homes: [UUID], into summary: inout Summary, dependencies: ServiceDependencies,
                     policy: ElderCarePolicy) async throws {
        let logger = dependencies.logger
        var random = SeedRandom(seed: schedule.randomSeed ^ 0x5EED)
        let county = try RegionCode(Self.county)
        let start = try CivilDate(year: schedule.year - 1, month: 12, day: 1)
        for (index, person) in people.prefix(applicants).enumerated() {
            let day = start.adding(days: index % 20)
            do {
                let assessment = try Self.assessment(on: day, random: &random)
                let elderRef = PersonRef.derive(from: person.resident, key: dependencies.personRefKey)
                try await RecordAssessment.run(StoredAssessment(id: UUID(), person: elderRef, region: person.township,
                                                                assessment: assessment, assessor: "seed-assessor"),
                                               today: day, policy: policy, dependencies: dependencies, logger: logger)
                let categories: Set<KeyCategory> = person.category.map { [$0, .advancedAge] } ?? [.advancedAge]
                _ = try await WaitingListPlacement.apply(
                    person.resident, region: person.township,
                    circumstances: ApplicantCircumstances(categories: categories, withoutFamily: random.chance(20)),
                    appliedAt: WaitingListPlacement.moment(on: day, now: Date(timeIntervalSince1970: TimeInterval(index * 60))),
                    dependencies: dependencies, logger: logger)
                summary.queued += 1
            } catch let violation as RuleViolation {
                summary.refused[violation.code, default: 0] += 1
            }
        }
        guard let home = homes.last else { return }
        let admittedOn = start.adding(days: 25)
        for _ in 0..<admitted {
            guard let first = try await WaitingListPlacement.waiting(within: county, dependencies: dependencies, logger: logger)
                .first(where: { $0.entry.state == .queued }) else { break }
            do {
                _ = try await dependencies.database.transaction(logger: logger) { connection in
                    try await WaitingListPlacement.offer(first.id, institution: home, bed: .general, on: admittedOn, policy: policy,
                                                         checkRegion: { _ in }, source: dependencies.source, on: connection, logger: logger)
                }
                _ = try await WaitingListPlacement.admit(first.id, on: admittedOn, policy: policy, dependencies: dependencies, logger: logger)
                summary.queued -= 1
                summary.admitted += 1
                summary.occupied += 1
            } catch let violation as RuleViolation {
                summary.refused[violation.code, default: 0] += 1
                break
            }
        }
    }

    static func name(_ random: inout SeedRandom) -> String {
        let surnames = Array("王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗")
        let given = ["秀英", "桂兰", "玉兰", "建国", "德福", "永福", "淑珍", "凤英", "长生", "有才", "兰英", "志明"]
        return String(surnames[random.below(surnames.count)]) + given[random.below(given.count)]
    }

    static func village(_ random: inout SeedRandom) -> String {
        ["一条山镇城北社区", "芦阳镇城关村", "喜泉镇大桥村", "草窝滩镇红跃村", "上沙沃镇大安村", "红水镇红水村", "寺滩乡永泰村"][random.below(7)]
    }

    func load() async throws {
        let seed = self
        let policy = try ElderCarePolicy.fromEnvironment(ProcessInfo.processInfo.environment)
        try await StandaloneTool.run(.eldercare, migrations: ElderCareMigrations.all, label: "civil.eldercare.seed") { dependencies in
            let start = ContinuousClock.now
            let summary = try await seed.run(dependencies: dependencies, policy: policy)
            print(seed.report(summary, took: ContinuousClock.now - start))
        }
    }

    func report(_ summary: Summary, took duration: Duration) -> String {
        let categories = summary.categories.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.chineseName) \($0.value)" }
        let levels = summary.assessed.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        let rosters = summary.rosters.map { "\($0.month): \($0.paid) elders, \(Money(fen: $0.totalFen)) yuan" }.joined(separator: "\n    ")
        return """
            elder-care seed: county 620423, registrations in \(schedule.year - 1), allowance rosters for \(schedule.year), in \(String(format: "%.1f", duration.seconds)) s
              registered: \(summary.registered) elders; recorded categories: \(categories.joined(separator: ", "))
              assessed: \(levels.joined(separator: ", "))
              institutions: \(summary.institutions) public, \(summary.beds) beds, \(summary.occupied) occupied
              waiting list: \(summary.queued) queued, \(summary.admitted) admitted
              allowance standard from \(schedule.year)-01 (assumed tiers 80/90/100: 100/200/500 yuan a month): \(summary.standard)
              refused by the rules: \(summary.refused.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
              rosters:
                \(rosters)
              all events are in the outbox; the running service publishes them.
            """
    }
}

extension ElderCareSeed: ScalableSeed {
    /// Scaled by `--scale`: every count of the county.
    static var scaledCounts: [WritableKeyPath<Self, Int>] {
        [\.advancedAge, \.livingAlone, \.emptyNest, \.leftBehind, \.economicHardship, \.specialFamily, \.applicants, \.admitted]
    }
}
