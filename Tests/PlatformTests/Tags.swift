import Testing

extension Tag {
    /// Needs the PostgreSQL server from `scripts/test`.
    @Tag static var postgres: Self
    /// Runs an in-process Kafka mock cluster; group joins take seconds.
    @Tag static var kafka: Self
    /// Takes more than a few seconds.
    @Tag static var slow: Self
}
