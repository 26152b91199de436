import Contracts
import Foundation

/// The large city every `bench-roster` pays: ten central districts of Chengdu (510100), their
/// rosters two at a time, for June 2026. One place, so the services' benchmarks stay comparable.
public enum RosterBenchmarkCity {
    public static let districts = ["510104", "510105", "510106", "510107", "510108", "510112", "510113", "510114", "510115", "510116"]
    /// Rosters run at a time: one per core of the benchmark machine.
    public static let lanes = 2

    public static func regions() throws -> [RegionCode] { try districts.map { try RegionCode($0) } }

    public static func month() throws -> YearMonth { try YearMonth(year: 2026, month: 6) }

    /// The last line of every roster benchmark: rosters and publication, against the issue's target
    /// when it set one (Assistance's million households: ≤ 20 s; ElderCare's allowance roster: none).
    public static func printTotal(rosterSeconds: Double, publishSeconds: Double, targetSeconds: Double?) {
        let elapsed = rosterSeconds + publishSeconds
        if let target = targetSeconds {
            print(String(format: "  total roster + publication: %.2f s (target ≤ %.0f s) — %@", elapsed, target, elapsed <= target ? "met" : "MISSED"))
        } else {
            print(String(format: "  total roster + publication: %.2f s (no target set)", elapsed))
        }
    }
}
