/// Every integration event type of the suite. The schema test walks this list,
/// so an event type without a JSON Schema beside it fails the build's tests.
public enum EventCatalog {
    public static let all: [any DomainEvent.Type] = [
        DeathRecorded.self,
    ]

    public static func type(named rawValue: String) -> (any DomainEvent.Type)? {
        all.first { $0.eventType.rawValue == rawValue }
    }
}
