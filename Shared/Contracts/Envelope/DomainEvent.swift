/// A bureau domain. Each producing domain owns exactly one events topic.
public enum Domain: String, Sendable, CaseIterable, Codable {
    case registry
    case assistance
    case eldercare
    case childprotection
    case socialorg
    /// Partner agencies' risk signals (medical insurance, disabled persons' federation, employment
    /// services) that feed low-income monitoring; produced by their gateways, not by a service of this suite.
    case monitoring

    /// The CloudEvents `source` of the domain's service.
    public var source: String { "urn:civil:\(rawValue)" }
}

/// A versioned event type, `civil.<domain>.<event>.v<N>`. A breaking change gets a new version.
public struct EventType: Sendable, Hashable, CustomStringConvertible {
    public let domain: Domain
    public let name: String
    public let version: Int

    public init(_ domain: Domain, _ name: String, version: Int) {
        self.domain = domain
        self.name = name
        self.version = version
    }

    public var rawValue: String { "civil.\(domain.rawValue).\(name).v\(version)" }
    public var description: String { rawValue }
    /// The JSON Schema file kept beside the Swift type, under `Shared/Contracts/Schemas`.
    public var schemaFileName: String { "\(rawValue).schema.json" }
    /// `ce_dataschema`: changes whenever the schema's version changes.
    public var dataschema: String { "urn:civil:schema:\(rawValue)" }
    /// The topic the event is published on.
    public var topic: String { Topics.events(of: domain) }
}

/// A typed integration event. Person identifiers are `PersonRef`s only; raw
/// resident IDs and names never appear in a `DomainEvent`.
public protocol DomainEvent: Codable, Sendable, Equatable {
    static var eventType: EventType { get }
    /// The Kafka key and CloudEvents subject.
    var aggregateID: String { get }
}
