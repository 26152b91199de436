import Contracts

/// Runs one piece of work per region, `lanes` at a time (one per core: the work is PostgreSQL's),
/// each region's in its own task; the results in the order of `regions`. What every roster of
/// several districts does, whether through ``RosterGeneration`` or a service's own use case.
public enum RosterLanes {
    public static func run<Result: Sendable>(regions: [RegionCode], lanes: Int,
                                             _ work: @escaping @Sendable (RegionCode) async throws -> Result) async throws -> [Result] {
        let lanes = max(1, min(lanes, regions.count))
        return try await withThrowingTaskGroup(of: [(Int, Result)].self) { group in
            for lane in 0..<lanes {
                group.addTask {
                    var done: [(Int, Result)] = []
                    for index in stride(from: lane, to: regions.count, by: lanes) {
                        done.append((index, try await work(regions[index])))
                    }
                    return done
                }
            }
            return try await group.reduce(into: [(Int, Result)]()) { $0 += $1 }.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }
}
