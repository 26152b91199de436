import Foundation

/// A CloudEvents 1.0 event as it travels on Kafka in binary mode: the attributes
/// become `ce_*` headers, `data` is the message value (JSON), and `key` — the
/// aggregate id — is the message key, so one aggregate's events stay in order.
public struct CloudEvent: Sendable, Equatable {
    public static let specVersion = "1.0"
    public static let jsonContentType = "application/json"

    public var id: UUID
    /// URI-reference of the producing service, e.g. `urn:civil:registry`.
    public var source: String
    /// `civil.<domain>.<event>.v<N>`.
    public var type: String
    public var time: Date
    public var subject: String?
    public var dataschema: String?
    public var datacontenttype: String
    /// The Kafka key: the aggregate id.
    public var key: String
    /// The JSON document.
    public var data: [UInt8]
    /// CloudEvents extension attributes (lower-case alphanumeric names), e.g. `causationid`.
    public var extensions: [String: String]

    public init(
        id: UUID = UUID(), source: String, type: String, time: Date = Date(), subject: String? = nil,
        dataschema: String? = nil, datacontenttype: String = CloudEvent.jsonContentType, key: String,
        data: [UInt8], extensions: [String: String] = [:]
    ) {
        self.id = id
        self.source = source
        self.type = type
        self.time = time
        self.subject = subject
        self.dataschema = dataschema
        self.datacontenttype = datacontenttype
        self.key = key
        self.data = data
        self.extensions = extensions
    }

    /// Wraps a typed domain event. The key defaults to the event's aggregate id.
    public static func wrap<E: DomainEvent>(
        _ event: E, source: String, id: UUID = UUID(), time: Date = Date(), causationID: UUID? = nil
    ) throws -> CloudEvent {
        var extensions: [String: String] = [:]
        if let causationID { extensions["causationid"] = causationID.uuidString.lowercased() }
        return CloudEvent(
            id: id, source: source, type: E.eventType.rawValue, time: time, subject: event.aggregateID,
            dataschema: E.eventType.dataschema, key: event.aggregateID,
            data: Array(try EventJSON.encoder.encode(event)), extensions: extensions
        )
    }

    /// Decodes `data` as `E`, refusing an event of another type.
    public func decode<E: DomainEvent>(_: E.Type) throws -> E {
        guard type == E.eventType.rawValue else {
            throw CloudEventError.typeMismatch(expected: E.eventType.rawValue, actual: type)
        }
        do {
            return try EventJSON.decoder.decode(E.self, from: Data(data))
        } catch {
            throw CloudEventError.invalidData(type: type, reason: String(describing: error))
        }
    }

    /// The id a consumer's inbox uses: CloudEvents says `source` + `id` identify an event.
    public var causationID: UUID? { extensions["causationid"].flatMap(UUID.init(uuidString:)) }
}

public enum CloudEventError: Error, Equatable, CustomStringConvertible {
    case missingAttribute(String)
    case invalidAttribute(String, String)
    case unsupportedSpecVersion(String)
    case typeMismatch(expected: String, actual: String)
    case invalidData(type: String, reason: String)

    /// A stable code for dead-letter records and problem documents.
    public var code: String {
        switch self {
        case .missingAttribute: "cloudevent.missing-attribute"
        case .invalidAttribute: "cloudevent.invalid-attribute"
        case .unsupportedSpecVersion: "cloudevent.unsupported-specversion"
        case .typeMismatch: "cloudevent.type-mismatch"
        case .invalidData: "cloudevent.invalid-data"
        }
    }

    public var description: String {
        switch self {
        case .missingAttribute(let name): "\(code): missing \(name)"
        case .invalidAttribute(let name, let value): "\(code): \(name)=\(value)"
        case .unsupportedSpecVersion(let version): "\(code): \(version)"
        case .typeMismatch(let expected, let actual): "\(code): expected \(expected), got \(actual)"
        case .invalidData(let type, let reason): "\(code): \(type): \(reason)"
        }
    }
}
