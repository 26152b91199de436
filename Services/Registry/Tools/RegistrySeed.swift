import Contracts
import Foundation
import Logging
import Persistence
import RegistryDomain
import ServiceKit

/// `registry seed [--year Y] [--population N] [--random-seed S]`: loads a realistic
/// year for a county like Jingtai (景泰县, 620423) through the same use cases the
/// HTTP API calls, so every rule applies and every event lands in the outbox.
///
/// Figures (《景泰县"十四五"民政事业发展规划》第一章（七）, five-year totals ÷ 5): about 1,756
/// marriages, 538 divorces, 839 marriage- and 62 divorce-certificate reissues a year; a few
/// adoptions; deaths at the crude death rate of about 7 per 1,000 residents.
struct RegistrySeed {
    var year = 2025
    var population = 230_000
    var randomSeed: UInt64 = 20_250_101

    struct Summary {
        var marriages = 0, divorcesByAgreement = 0, courtDivorces = 0, withdrawn = 0, reissues = 0, adoptions = 0
        var deaths = 0, cremations = 0, refused: [String: Int] = [:]
    }

    func run(dependencies: ServiceDependencies, policy: FuneralPolicy, peakDays: PeakDays, logger: Logger) async throws -> Summary {
        var random = SeedRandom(seed: randomSeed)
        var summary = Summary()
        var serial = 0
        let county = try RegionCode("620423")
        let townships = (1...11).map { String(format: "620423%03d", 100 + $0) }
        func resident(age: Int, on date: CivilDate, male: Bool) throws -> ResidentID {
            serial += 1
            // Born in the year before `date.year - age`: at least `age` years old on `date`.
            let birth = try CivilDate(year: date.year - age - 1, month: random.between(1...12), day: random.between(1...28))
            let sequence = (serial % 499) * 2 + (male ? 1 : 2)
            return ResidentID.make(region: county, birth: birth, sequence: sequence % 1_000)
        }
        func note(_ error: any Error) throws {
            guard let violation = error as? RuleViolation else { throw error }
            summary.refused[violation.code, default: 0] += 1
        }
        let office = try RegistrationOfficeCode(parsing: "620423-01")
        let first = try CivilDate(year: year, month: 1, day: 1)
        let days = (try CivilDate(year: year, month: 12, day: 31)).daysSince(first) + 1
        func day(_ index: Int) -> CivilDate { first.adding(days: index) }

        // Marriages spread over the year; couples registered early may divorce later the same year.
        // On peak days (5·20, 七夕, …) a couple books first (预约办理), in the office's slots in turn.
        var couples: [(UUID, ResidentID, ResidentID, CivilDate, String)] = []
        let slots = ["09:00", "10:00", "11:00", "14:00", "15:00", "16:00"]
        var peakBookings = 0
        for _ in 0..<1_756 {
            let date = day(random.below(days))
            let man = try resident(age: random.between(22...40), on: date, male: true)
            let woman = try resident(age: random.between(20...38), on: date, male: false)
            do {
                var appointment: UUID?
                if peakDays.contains(date) {
                    peakBookings += 1
                    appointment = try await BookAppointment.run(
                        .init(office: office, date: date, slot: slots[peakBookings % slots.count], resident: man),
                        dependencies: dependencies, today: date, peakDays: peakDays, logger: logger).id
                }
                let command = RegisterMarriage.Command(partyA: man, partyB: woman, office: office, declaredKinship: .unrelated,
                                                       appointment: appointment)
                let marriage = try await RegisterMarriage.run(command, dependencies: dependencies, today: date, peakDays: peakDays,
                                                              logger: logger)
                couples.append((marriage.id, man, woman, date, marriage.certificateNumber))
                summary.marriages += 1
            } catch { try note(error) }
        }
        couples.sort { $0.3 < $1.3 }

        // 538 divorces: most by agreement (apply, cooling-off, register in the window), some by court judgment.
        let early = couples.filter { $0.3.daysSince(first) < days - 70 }
        for (index, couple) in early.prefix(538 + 40).enumerated() {
            let applied = couple.3.adding(days: random.between(1...5))
            do {
                if index % 5 == 4 {
                    _ = try await RecordCourtJudgment.run(
                        .init(marriage: couple.0, kind: .divorce, documentNumber: "(\(year))甘0423民初\(index)号", effectiveOn: applied),
                        dependencies: dependencies, logger: logger)
                    summary.courtDivorces += 1
                    continue
                }
                let application = try await ApplyForDivorce.run(marriage: couple.0, dependencies: dependencies, today: applied, logger: logger)
                if index >= 538 {  // some couples change their minds during cooling-off
                    _ = try await WithdrawDivorceApplication.run(application.id, by: couple.1, dependencies: dependencies,
                                                                 today: applied.adding(days: 10), logger: logger)
                    summary.withdrawn += 1
                    continue
                }
                _ = try await RegisterDivorce.run(application.id, dependencies: dependencies,
                                                  today: applied.adding(days: random.between(31...60)), logger: logger)
                summary.divorcesByAgreement += 1
            } catch { try note(error) }
        }

        // About 900 reissues of certificates that are still valid.
        for couple in couples.suffix(900) {
            do {
                _ = try await ReissueCertificate.run(
                    try CertificateNumber(parsing: couple.4), applicant: random.below(2) == 0 ? couple.1 : couple.2,
                    dependencies: dependencies, today: couple.3.adding(days: random.between(0...20)), logger: logger)
                summary.reissues += 1
            } catch { try note(error) }
        }

        // A few adoptions of orphans by married couples in their thirties.
        for index in 0..<8 {
            let date = day(random.below(days))
            let adopterA = try resident(age: random.between(32...45), on: date, male: true)
            let adopterB = try resident(age: random.between(31...44), on: date, male: false)
            let child = try resident(age: random.between(1...6), on: date, male: index % 2 == 0)
            let command = RegisterAdoption.Command(
                office: office,
                adopters: .couple(.init(id: adopterA, existingChildren: 0, isMarried: true, spouseConsent: true),
                                  .init(id: adopterB, existingChildren: 0, isMarried: true, spouseConsent: true)),
                child: .init(id: child, category: index % 3 == 0 ? .parentsCannotBeFound : .orphan,
                             isDisabled: false, inWelfareInstitution: index % 3 == 0, consentGiven: false),
                assessmentRecorded: true)
            do {
                _ = try await RegisterAdoption.run(command, dependencies: dependencies, today: date, logger: logger)
                summary.adoptions += 1
            } catch { try note(error) }
        }

        // Deaths at about 7 per 1,000, mostly of older residents; most are cremated (火葬区).
        let sources = ["hospital", "hospital", "hospital", "community", "police"]
        for index in 0..<(population * 7 / 1_000) {
            let date = day(random.below(days))
            let age = random.below(10) < 8 ? random.between(60...97) : random.between(1...59)
            let person = try resident(age: age, on: date, male: random.below(2) == 0)
            let report = DeathReport.Request(residentId: person.rawValue, dateOfDeath: date.iso,
                                             region: townships[random.below(townships.count)],
                                             source: sources[random.below(sources.count)], idempotencyKey: "seed-\(year)-\(index)")
            do {
                let validated = try DeathReport.validate(report, today: date.adding(days: 1))
                let (record, _) = try await RecordDeath.run(validated, dependencies: dependencies, policy: policy, logger: logger)
                summary.deaths += 1
                if random.below(10) < 9 {
                    _ = try await RecordFuneralService.run(
                        .init(deathRecord: record.id, service: "cremation", performedOn: date.adding(days: random.between(1...3)),
                              cremationCertificateNumber: "HZ\(year)\(String(format: "%05d", index))", cemeteryPlot: nil,
                              ecoBurial: false, facilityRegion: county),
                        dependencies: dependencies, policy: policy, logger: logger)
                    summary.cremations += 1
                }
            } catch { try note(error) }
        }
        return summary
    }

    /// Runs the seed against the service's database, with the same settings the service uses.
    func load() async throws {
        let seed = self
        try await StandaloneTool.run(.registry, migrations: RegistryMigrations.all, label: "civil.registry.seed") { dependencies in
            let start = ContinuousClock.now
            let summary = try await seed.run(dependencies: dependencies, policy: try FuneralSettings.policy(),
                                             peakDays: try PeakDaySettings.peakDays(), logger: dependencies.logger)
            let elapsed = ContinuousClock.now - start
            print("""
                registry seed: year \(seed.year), county 620423 (population \(seed.population)), \(elapsed)
                  marriages \(summary.marriages), divorces by agreement \(summary.divorcesByAgreement), by court \(summary.courtDivorces), \
                withdrawn during cooling-off \(summary.withdrawn)
                  certificate reissues \(summary.reissues), adoptions \(summary.adoptions), deaths \(summary.deaths), cremations \(summary.cremations)
                  refused by the rules (expected for random data): \(summary.refused.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
                  all events are in the outbox; the running service publishes them.
                """)
        }
    }
}
