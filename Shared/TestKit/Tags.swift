import Testing

/// The suite's one set of tags. `scripts/test --filter` and `swift test --skip` select by them.
extension Tag {
    /// Pure code: no server, no broker, no clock. Runs in milliseconds.
    @Tag public static var unit: Self
    /// Needs the PostgreSQL server that `scripts/test` starts.
    @Tag public static var postgres: Self
    /// Runs an in-process mock Kafka cluster or the embedded-kafka process; group joins take seconds.
    @Tag public static var kafka: Self
    /// Takes more than a few seconds.
    @Tag public static var slow: Self
    /// Starts real service processes and a scratch PostgreSQL cluster of its own, and kills them.
    @Tag public static var faults: Self
}
