/// A C handle that librdkafka documents as thread-safe, carried across tasks.
struct SendablePointer: @unchecked Sendable {
    let raw: OpaquePointer
}

/// A mutable C pointer handed to exactly one other thread at a time.
struct SendableMutablePointer<Pointee>: @unchecked Sendable {
    let raw: UnsafeMutablePointer<Pointee>
}
