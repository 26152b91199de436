import ArgumentParser
import AssistanceDomain
import Foundation
import ServiceKit

/// `assistance [serve]` runs the service; `assistance seed …` loads a Jingtai-sized county;
/// `assistance bench-roster …` times the monthly roster of a large city. The executable's entry point.
@main
struct AssistanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assistance",
        abstract: "The Assistance service: social assistance (低保, 特困, 临时救助).",
        subcommands: [Serve.self, Seed.self, BenchRoster.self, VerifyAudit.self],
        defaultSubcommand: Serve.self)

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run the service (the default).")

        func run() async throws {
            try await ServiceRuntime.run(AssistanceService.definition(
                policy: try AssistancePolicy.fromEnvironment(ProcessInfo.processInfo.environment),
                sources: [TableDataSource()] + (try HTTPDataSource.configured())))
        }
    }

    struct Seed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a Jingtai-sized county: 低保 and 特困 cases, rosters, temporary assistance.")

        @Option(help: "The rosters' year (applications are dated the year before).") var year = 2026
        @Option(help: "Monthly rosters to generate, 0 to 12.") var rosterMonths = 6
        @Option(help: "Seed of the pseudo-random choices.") var randomSeed: UInt64 = 20_260_101
        @Option(help: "Every count scaled by this percentage (a smaller county for quick demos).") var scale = 100

        func validate() throws {
            guard (2000...2100).contains(year) else { throw ValidationError("--year must be from 2000 to 2100") }
            guard (0...12).contains(rosterMonths) else { throw ValidationError("--roster-months must be from 0 to 12") }
            guard (1...1_000).contains(scale) else { throw ValidationError("--scale must be from 1 to 1000") }
        }

        func run() async throws {
            var seed = AssistanceSeed()
            seed.year = year
            seed.rosterMonths = rosterMonths
            seed.randomSeed = randomSeed
            seed.scale(percent: scale)
            try await seed.load()
        }
    }

    struct BenchRoster: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-roster", abstract: "Time the monthly roster of a large city (empties its benchmark database).")

        @Option(help: "Active households to pay.") var households = 1_000_000
        @Option(help: "Households per insert batch while filling.") var batch = 10_000

        func validate() throws {
            guard households > 0, batch > 0 else { throw ValidationError("--households and --batch must be positive") }
        }

        func run() async throws {
            try await RosterBenchmark(households: households, batch: batch).load()
        }
    }

    struct VerifyAudit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the audit log's hash chain: exit 0 intact, 1 broken (a row edited, deleted or inserted), 2 unreadable.")

        func run() async throws {
            let status = try await AuditVerification.run(.assistance)
            if status != 0 { throw ExitCode(status) }
        }
    }
}
