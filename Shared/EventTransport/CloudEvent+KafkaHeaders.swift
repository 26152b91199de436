import Contracts
import Foundation

/// The CloudEvents Kafka protocol binding, binary content mode: every attribute
/// is a `ce_` header with a UTF-8 value, and `datacontenttype` is `content-type`.
extension CloudEvent {
    public static let headerPrefix = "ce_"

    public var kafkaHeaders: [(name: String, value: String)] {
        var headers: [(String, String)] = [
            ("ce_specversion", CloudEvent.specVersion),
            ("ce_id", id.uuidString.lowercased()),
            ("ce_source", source),
            ("ce_type", type),
            ("ce_time", RFC3339.format(time)),
            ("content-type", datacontenttype),
        ]
        if let subject { headers.append(("ce_subject", subject)) }
        if let dataschema { headers.append(("ce_dataschema", dataschema)) }
        for (name, value) in extensions.sorted(by: { $0.key < $1.key }) {
            headers.append(("ce_\(name)", value))
        }
        return headers
    }

    /// Rebuilds an event from a Kafka message's headers, key and value.
    public init(kafkaHeaders headers: [(name: String, value: String)], key: String?, value: [UInt8]?) throws(CloudEventError) {
        var attributes: [String: String] = [:]
        var contentType: String?
        for (name, value) in headers {
            if name.hasPrefix(CloudEvent.headerPrefix) {
                attributes[String(name.dropFirst(CloudEvent.headerPrefix.count))] = value
            } else if name.lowercased() == "content-type" {
                contentType = value
            }
        }
        func required(_ name: String) throws(CloudEventError) -> String {
            guard let value = attributes.removeValue(forKey: name), !value.isEmpty else {
                throw CloudEventError.missingAttribute(name)
            }
            return value
        }
        let specversion = try required("specversion")
        guard specversion == CloudEvent.specVersion else { throw CloudEventError.unsupportedSpecVersion(specversion) }
        let rawID = try required("id")
        guard let id = UUID(uuidString: rawID) else { throw CloudEventError.invalidAttribute("id", rawID) }
        let source = try required("source")
        let type = try required("type")
        var time = Date()
        if let rawTime = attributes.removeValue(forKey: "time") {
            guard let parsed = RFC3339.parse(rawTime) else { throw CloudEventError.invalidAttribute("time", rawTime) }
            time = parsed
        }
        let subject = attributes.removeValue(forKey: "subject")
        let dataschema = attributes.removeValue(forKey: "dataschema")
        self.init(
            id: id, source: source, type: type, time: time, subject: subject, dataschema: dataschema,
            datacontenttype: contentType ?? CloudEvent.jsonContentType,
            key: key ?? subject ?? "", data: value ?? [], extensions: attributes
        )
    }
}
