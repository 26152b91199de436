import Contracts
import Foundation

/// The large city every `bench-roster` pays: ten central districts of Chengdu (510100), their
/// rosters two at a time, for June 2026, against the same 30-second target for the rosters and
/// their publication together. One place, so the services' benchmarks stay comparable.
public enum RosterBenchmarkCity {
    public static let districts = ["510104", "510105", "510106", "510107", "510108", "510112", "510113", "510114", "510115", "510116"]
    /// Rosters run at a time: one per core of the benchmark machine.
    public static let lanes = 2

    public static func regions() throws -> [RegionCode] { try districts.map { try RegionCode($0) } }

    public static func month() throws -> YearMonth { try YearMonth(year: 2026, month: 6) }

    /// The last line of every roster benchmark: rosters and publication against the target.
    public static func printTotal(rosterSeconds: Double, publishSeconds: Double) {
        let elapsed = rosterSeconds + publishSeconds
        print(String(format: "  total roster + publication: %.2f s (target ≤ 30 s) — %@", elapsed, elapsed <= 30 ? "met" : "MISSED"))
    }
}
