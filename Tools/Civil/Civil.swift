import ArgumentParser
import Foundation

/// `civil`: the suite's developer command. It reads the service catalogue to run the local stack
/// (after `scripts/demo` has installed packages, started PostgreSQL and built), the demo scenario,
/// seeds, and prints what `compose/` needs.
@main
struct Civil: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "civil",
        abstract: "Run and inspect the Civil Affairs suite locally.",
        subcommands: [Services.self, Compose.self, Start.self, Stop.self, Status.self, Demo.self, Seed.self, Bench.self, Token.self])
}

/// Writes a line to standard output at once: `print` is block-buffered into a log file or a pipe,
/// and the stack and the demo report progress as they go.
func report(_ line: String = "") {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
