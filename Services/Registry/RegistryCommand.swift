import ArgumentParser
import Contracts
import ServiceKit

/// The executable's entry point: `registry [serve]` runs the service (婚姻登记, 收养登记, 殡葬: the
/// civil registry whose life events other bureaus act on); `registry seed …` loads a realistic year.
@main
struct RegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "The Registry service (婚姻登记, 收养登记, 殡葬).",
        subcommands: [ServeCommand<Self>.self, Seed.self, VerifyAuditCommand<Self>.self],
        defaultSubcommand: ServeCommand<Self>.self)

    struct Seed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a realistic year for a county like Jingtai through the service's own use cases.")

        @Option(help: "The year the records are dated in.") var year = 2025
        @Option(help: "The county's population (deaths follow it).") var population = 230_000
        @Option(help: "Seed of the pseudo-random choices: the same seed gives the same records.") var randomSeed: UInt64 = 20_250_101

        func validate() throws {
            guard (1949...2100).contains(year) else { throw ValidationError("--year must be from 1949 to 2100") }
            guard population > 0 else { throw ValidationError("--population must be positive") }
        }

        func run() async throws {
            try await RegistrySeed(year: year, population: population, randomSeed: randomSeed).load()
        }
    }
}

extension RegistryCommand: ServiceExecutable {
    static var domain: Domain { .registry }

    static func definition() throws -> ServiceDefinition {
        RegistryService.definition(policy: try FuneralSettings.policy(), peakDays: try PeakDaySettings.peakDays())
    }
}
