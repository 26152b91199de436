/// When a county seed's records fall and how its random choices go: the rosters run for the first
/// `rosterMonths` months of `year`, the records they pay are dated the year before.
public struct SeedSchedule: Sendable {
    public var year = 2026
    /// Monthly rosters to run, from January of `year` (0 to 12).
    public var rosterMonths = 6
    /// Seed of the pseudo-random choices (`SeedRandom`): the same seed gives the same county.
    public var randomSeed: UInt64 = 20_260_101

    public init() {}
}

/// A county seed whose counts `--scale` shrinks or grows for quick demos.
public protocol ScalableSeed {
    var schedule: SeedSchedule { get set }
    /// The counts `scale(percent:)` multiplies.
    static var scaledCounts: [WritableKeyPath<Self, Int>] { get }
}

extension ScalableSeed {
    /// Every count in `scaledCounts` scaled by `percent` / 100 (at least 1 each).
    public mutating func scale(percent: Int) {
        for keyPath in Self.scaledCounts {
            self[keyPath: keyPath] = max(1, self[keyPath: keyPath] * percent / 100)
        }
    }
}
