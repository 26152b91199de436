import ArgumentParser
import Foundation
import ServiceKit

/// `elder-care [serve]` runs the service; `elder-care verify-audit` checks its audit chain;
/// `elder-care seed` loads a Jingtai-sized county; `elder-care bench-roster` times the
/// advanced-age allowance roster of a large city.
/// The executable's entry point.
@main
struct ElderCareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "elder-care",
        abstract: "The ElderCare service: the key-elder registry, visits, the advanced-age allowance, assessments, institutions.",
        subcommands: [Serve.self, VerifyAudit.self, Seed.self, BenchRoster.self],
        defaultSubcommand: Serve.self)

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run the service (the default).")

        func run() async throws {
            try await ServiceRuntime.run(ElderCareService.definition(
                policy: try ElderCarePolicy.fromEnvironment(ProcessInfo.processInfo.environment)))
        }
    }

    struct VerifyAudit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the audit log's hash chain: exit 0 intact, 1 broken (a row edited, deleted or inserted), 2 unreadable.")

        func run() async throws {
            let status = try await AuditVerification.run(.eldercare)
            if status != 0 { throw ExitCode(status) }
        }
    }

    struct Seed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a Jingtai-sized county: elders and their categories, assessments, institutions, the waiting list, allowance rosters.")

        @Option(help: "The rosters' year (registrations are dated the year before).") var year = 2026
        @Option(help: "Monthly allowance rosters to generate, 0 to 12.") var rosterMonths = 6
        @Option(help: "Seed of the pseudo-random choices.") var randomSeed: UInt64 = 20_260_101
        @Option(help: "Every count scaled by this percentage (a smaller county for quick demos).") var scale = 100

        func validate() throws {
            guard (2000...2100).contains(year) else { throw ValidationError("--year must be from 2000 to 2100") }
            guard (0...12).contains(rosterMonths) else { throw ValidationError("--roster-months must be from 0 to 12") }
            guard (1...1_000).contains(scale) else { throw ValidationError("--scale must be from 1 to 1000") }
        }

        func run() async throws {
            var seed = ElderCareSeed()
            seed.year = year
            seed.rosterMonths = rosterMonths
            seed.randomSeed = randomSeed
            seed.scale(percent: scale)
            try await seed.load()
        }
    }

    struct BenchRoster: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-roster",
            abstract: "Time the monthly advanced-age allowance roster of a large city (empties its benchmark database).")

        @Option(help: "Registered elders aged 80 and over.") var elders = 500_000
        @Option(help: "Events per relay batch; elders per fixture insert is ten times it.") var batch = 10_000

        func validate() throws {
            guard elders > 0, batch > 0 else { throw ValidationError("--elders and --batch must be positive") }
        }

        func run() async throws {
            try await AllowanceRosterBenchmark(elders: elders, batch: batch).load()
        }
    }
}
