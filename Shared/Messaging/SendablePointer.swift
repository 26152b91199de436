/// A C handle that librdkafka documents as thread-safe, carried across tasks.
package struct SendablePointer: @unchecked Sendable {
    package let raw: OpaquePointer

    package init(raw: OpaquePointer) { self.raw = raw }
}

/// A mutable C pointer handed to exactly one other thread at a time.
struct SendableMutablePointer<Pointee>: @unchecked Sendable {
    let raw: UnsafeMutablePointer<Pointee>
}
