import ArgumentParser
import Foundation
import ServiceKit

/// `elder-care [serve]` runs the service; `elder-care verify-audit` checks its audit chain;
/// `elder-care bench-roster` times the advanced-age allowance roster of a large city.
/// The executable's entry point.
@main
struct ElderCareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "elder-care",
        abstract: "The ElderCare service: the key-elder registry, visits, the advanced-age allowance, assessments, institutions.",
        subcommands: [Serve.self, VerifyAudit.self, BenchRoster.self],
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
