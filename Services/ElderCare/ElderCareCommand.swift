import ArgumentParser
import Contracts
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
        subcommands: [ServeCommand<Self>.self, VerifyAuditCommand<Self>.self, Seed.self, BenchRoster.self],
        defaultSubcommand: ServeCommand<Self>.self)

    struct Seed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a Jingtai-sized county: elders and their categories, assessments, institutions, the waiting list, allowance rosters.")

        @OptionGroup var options: SeedOptions

        func run() async throws {
            try await options.applied(to: ElderCareSeed()).load()
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

extension ElderCareCommand: ServiceExecutable {
    static var domain: Domain { .eldercare }

    static func definition() throws -> ServiceDefinition {
        ElderCareService.definition(policy: try ElderCarePolicy.fromEnvironment(ProcessInfo.processInfo.environment))
    }
}
