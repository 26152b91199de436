import Testing

extension Tag {
    /// Runs an embedded Kafka broker (here: the embedded-kafka process); group joins take seconds.
    @Tag static var kafka: Self
    /// Takes more than a few seconds.
    @Tag static var slow: Self
    /// Starts real service processes and a scratch PostgreSQL cluster of its own.
    @Tag static var faults: Self
}
