import ArgumentParser
import Foundation

/// `civil bench platform|faults [arguments…]`: a benchmark built beside `civil`, pointed at the
/// local stack. `scripts/bench` builds them in release mode and starts PostgreSQL first.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run platform-bench (relay, commands, end to end) or fault-bench (the fault matrix at scale).")

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        /// platform-bench on the local PostgreSQL and an in-process broker.
        case platform
        /// fault-bench: its own PostgreSQL cluster, broker and service processes (the binaries beside civil).
        case faults
    }

    @Argument(help: "platform or faults") var kind: Kind

    @Argument(parsing: .captureForPassthrough, help: "Arguments for the benchmark (--help lists them).")
    var arguments: [String] = []

    func run() async throws {
        let stack = try LocalStack.current()
        var environment = stack.environment
        let executable: URL
        switch kind {
        case .platform:
            executable = stack.binaries.appendingPathComponent("platform-bench")
            environment["CIVIL_TEST_PG_HOST"] = environment["CIVIL_DB_HOST"] ?? "127.0.0.1"
            environment["CIVIL_TEST_PG_PORT"] = try stack.databasePort()
            environment["CIVIL_TEST_PG_USER"] = environment["CIVIL_DB_USER"] ?? "civil"
            environment["CIVIL_TEST_PG_PASSWORD"] = environment["CIVIL_DB_PASSWORD"] ?? "civil"
        case .faults:
            executable = stack.binaries.appendingPathComponent("fault-bench")
            environment["CIVIL_BIN_DIR"] = stack.binaries.path
        }
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw CivilError("\(executable.path) not built; scripts/bench builds it (release)")
        }
        let status = try Tool.run(executable, arguments, environment: environment)
        guard status == 0 else { throw ExitCode(status) }
    }
}
