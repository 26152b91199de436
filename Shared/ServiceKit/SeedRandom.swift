/// SplitMix64: the seed commands' reproducible random numbers (the same data for the same seed).
public struct SeedRandom: Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 0..<bound (0 when bound ≤ 0).
    public mutating func below(_ bound: Int) -> Int { bound > 0 ? Int(next() % UInt64(bound)) : 0 }

    public mutating func between(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}
