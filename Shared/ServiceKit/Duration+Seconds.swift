extension Duration {
    /// The duration in seconds, for the figures benchmarks and seeds print.
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
