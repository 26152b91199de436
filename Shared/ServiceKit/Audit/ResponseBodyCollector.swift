import Hummingbird
import NIOCore
import Synchronization

/// Reads a response body into one buffer, so the audit can look into it and the same bytes are
/// then sent. Service responses are JSON documents already held in memory, so nothing streams.
enum ResponseBodyCollector {
    private final class Sink: Sendable {
        let buffer = Mutex(ByteBuffer())
    }

    private struct Writer: ResponseBodyWriter {
        let sink: Sink

        mutating func write(_ buffer: ByteBuffer) async throws {
            sink.buffer.withLock { collected in
                var copy = buffer
                collected.writeBuffer(&copy)
            }
        }

        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }

    /// The body's bytes; `response` is given them back as its body.
    static func collect(_ response: inout Response) async throws -> ByteBuffer {
        let sink = Sink()
        try await response.body.write(Writer(sink: sink))
        let bytes = sink.buffer.withLock { $0 }
        response.body = ResponseBody(byteBuffer: bytes)
        return bytes
    }
}
