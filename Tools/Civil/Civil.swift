import ArgumentParser

/// `civil`: the suite's developer command. It reads the service catalogue to run the local stack
/// (after `scripts/demo` has installed packages, started PostgreSQL and built), the demo scenario,
/// seeds, and prints what `compose/` needs.
@main
struct Civil: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "civil",
        abstract: "Run and inspect the Civil Affairs suite locally.",
        subcommands: [Services.self, Compose.self, Start.self, Stop.self, Status.self, Demo.self, Seed.self, Bench.self])
}
