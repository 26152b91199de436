import ArgumentParser
import Contracts
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
        subcommands: [ServeCommand<Self>.self, Seed.self, BenchRoster.self, VerifyAuditCommand<Self>.self],
        defaultSubcommand: ServeCommand<Self>.self)

    struct Seed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a Jingtai-sized county: 低保 and 特困 cases, rosters, temporary assistance.")

        @OptionGroup var options: SeedOptions

        func run() async throws {
            try await options.applied(to: AssistanceSeed()).load()
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
}

extension AssistanceCommand: ServiceExecutable {
    static var domain: Domain { .assistance }

    static func definition() throws -> ServiceDefinition {
        AssistanceService.definition(policy: try AssistancePolicy.fromEnvironment(ProcessInfo.processInfo.environment),
                                     sources: [TableDataSource()] + (try HTTPDataSource.configured()))
    }
}
