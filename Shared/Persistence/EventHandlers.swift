import Contracts
import Logging
import PostgresNIO

/// What an event handler gets: the event, and the transaction it must do all its writes in.
public struct EventContext: Sendable {
    public let event: CloudEvent
    public let connection: PostgresConnection
    public let logger: Logger
}

/// An error that retrying cannot fix (the event is malformed or violates the contract).
/// The event goes to the dead-letter topic at once.
public protocol PermanentEventError: Error {}

extension CloudEventError: PermanentEventError {}

/// Routes events by `ce_type` to typed handlers. Types without a handler are skipped.
public struct EventHandlers: Sendable {
    public typealias Handler = @Sendable (EventContext) async throws -> Void
    private(set) var handlers: [String: Handler] = [:]

    public init() {}

    /// Registers a handler for one event type; the payload is decoded before the call.
    public mutating func on<E: DomainEvent>(
        _: E.Type, _ handler: @escaping @Sendable (E, EventContext) async throws -> Void
    ) {
        handlers[E.eventType.rawValue] = { context in
            let payload = try context.event.decode(E.self)
            try await handler(payload, context)
        }
    }

    public func handler(for type: String) -> Handler? { handlers[type] }

    /// Both sets of handlers; for a type both handle, `self`'s runs first, then `other`'s, in
    /// the same transaction (e.g. the shared life-event journal, then a service's own reaction).
    public func merged(with other: EventHandlers) -> EventHandlers {
        var result = self
        for (type, second) in other.handlers {
            if let first = result.handlers[type] {
                result.handlers[type] = { context in
                    try await first(context)
                    try await second(context)
                }
            } else {
                result.handlers[type] = second
            }
        }
        return result
    }

    public var types: [String] { handlers.keys.sorted() }
}
