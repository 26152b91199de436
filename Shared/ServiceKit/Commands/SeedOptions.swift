import ArgumentParser

/// The options of every county seed with rosters (`assistance seed`, `elder-care seed`).
public struct SeedOptions: ParsableArguments {
    @Option(help: "The rosters' year (the records they pay are dated the year before).") public var year = SeedSchedule().year
    @Option(help: "Monthly rosters to generate, 0 to 12.") public var rosterMonths = SeedSchedule().rosterMonths
    @Option(help: "Seed of the pseudo-random choices.") public var randomSeed = SeedSchedule().randomSeed
    @Option(help: "Every count scaled by this percentage (a smaller county for quick demos).") public var scale = 100

    public init() {}

    public func validate() throws {
        guard (2000...2100).contains(year) else { throw ValidationError("--year must be from 2000 to 2100") }
        guard (0...12).contains(rosterMonths) else { throw ValidationError("--roster-months must be from 0 to 12") }
        guard (1...1_000).contains(scale) else { throw ValidationError("--scale must be from 1 to 1000") }
    }

    /// `seed` on these options' schedule, its counts scaled.
    public func applied<Seed: ScalableSeed>(to seed: Seed) -> Seed {
        var seed = seed
        seed.schedule.year = year
        seed.schedule.rosterMonths = rosterMonths
        seed.schedule.randomSeed = randomSeed
        seed.scale(percent: scale)
        return seed
    }
}
