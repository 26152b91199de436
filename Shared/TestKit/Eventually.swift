/// Polls `probe` until `done` accepts its value or `timeout` passes, and returns the last value
/// either way, so the caller's `#expect` shows what was observed rather than a bare `false`:
///
///     let applied = try await eventually { try await db.count("inbox") } until: { $0 == 20 }
///     #expect(applied == 20)
public func eventually<Value: Sendable>(
    timeout: Duration = .seconds(30),
    every interval: Duration = .milliseconds(100),
    _ probe: @Sendable () async throws -> Value,
    until done: (Value) -> Bool
) async throws -> Value {
    let deadline = ContinuousClock.now + timeout
    var value = try await probe()
    while !done(value), ContinuousClock.now < deadline {
        try await Task.sleep(for: interval)
        value = try await probe()
    }
    return value
}

/// `eventually` for a condition: true as soon as `condition` holds, false at the deadline.
public func eventually(
    timeout: Duration = .seconds(30),
    every interval: Duration = .milliseconds(100),
    _ condition: @Sendable () async throws -> Bool
) async throws -> Bool {
    try await eventually(timeout: timeout, every: interval, condition, until: { $0 })
}
