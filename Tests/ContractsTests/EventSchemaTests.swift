import Contracts
import Foundation
import Testing
import TestSupport

/// Every event type encodes to JSON that its schema accepts, and every payload
/// published by an earlier release still decodes (backward compatibility).
@Suite("Event schemas")
struct EventSchemaTests {
    static let key = try! PersonRefKey(hex: String(repeating: "ab", count: 32))  // test fixture, not input

    /// One realistic instance per event type; a new type without one fails `everyTypeHasAnExample`.
    static var examples: [String: any DomainEvent] {
        let person = PersonRef.derive(from: try! ResidentID("11010519491231002X"), key: key)
        let died = DeathRecorded(
            recordID: UUID(), person: person, dateOfDeath: try! CivilDate(iso: "2026-03-14"),
            region: try! RegionCode("620423"), source: .hospital, recordedAt: Date())
        return [DeathRecorded.eventType.rawValue: died]
    }

    @Test func everyTypeHasAnExampleAndASchema() throws {
        for type in EventCatalog.all {
            #expect(Self.examples[type.eventType.rawValue] != nil, "no example for \(type.eventType)")
            #expect(EventSchemas.data(for: type.eventType) != nil, "no schema file \(type.eventType.schemaFileName)")
        }
    }

    @Test(arguments: EventCatalog.all.map { $0.eventType.rawValue })
    func encodedEventsValidate(type: String) throws {
        let example = try #require(Self.examples[type])
        let eventType = Swift.type(of: example).eventType
        let schema = try #require(EventSchemas.data(for: eventType))
        let validator = try JSONSchemaValidator(schemaData: schema)
        let envelope = try CloudEvent.wrap(example, source: eventType.domain.source)
        let errors = try validator.validate(data: Data(envelope.data))
        #expect(errors.isEmpty, "\(errors)")
        #expect(envelope.type == type)
        #expect(envelope.key == example.aggregateID)
    }

    @Test func schemasRejectRawIdentifiers() throws {
        let schema = try #require(EventSchemas.data(for: DeathRecorded.eventType))
        let validator = try JSONSchemaValidator(schemaData: schema)
        let leaked = #"{"recordID":"0F5E3C1A-2B4D-4E6F-8A9B-0C1D2E3F4A5B","person":"11010519491231002X","dateOfDeath":"2026-03-14","region":"620423","source":"hospital","recordedAt":"2026-03-15T02:30:00.000Z","name":"张三"}"#
        let errors = try validator.validate(data: Data(leaked.utf8))
        #expect(errors.contains { $0.instancePath == "/person" })
        #expect(errors.contains { $0.keyword == "additionalProperties" })
    }

    @Test func payloadsOfEarlierReleasesStillDecode() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        let directories = try FileManager.default.contentsOfDirectory(atPath: fixtures.path)
        #expect(!directories.isEmpty)
        for directory in directories {
            let type = try #require(EventCatalog.type(named: directory), "fixture for unknown type \(directory)")
            for file in try FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent(directory).path) {
                let data = try Data(contentsOf: fixtures.appendingPathComponent(directory).appendingPathComponent(file))
                let event = CloudEvent(source: type.eventType.domain.source, type: type.eventType.rawValue, key: "k", data: Array(data))
                #expect(throws: Never.self, "\(directory)/\(file)") { _ = try decode(event, as: type) }
            }
        }
    }

    private func decode<E: DomainEvent>(_ event: CloudEvent, as: E.Type) throws -> E { try event.decode(E.self) }
}

@Suite("CloudEvents Kafka binary mode")
struct CloudEventBindingTests {
    @Test func headersRoundTrip() throws {
        let event = CloudEvent(source: "urn:civil:registry", type: "civil.registry.death-recorded.v1",
                               time: Date(timeIntervalSince1970: 1_790_000_000.125), subject: "pr_x",
                               dataschema: "urn:civil:schema:civil.registry.death-recorded.v1", key: "pr_x",
                               data: Array("{}".utf8), extensions: ["causationid": "abc"])
        let headers = event.kafkaHeaders
        #expect(headers.contains { $0.name == "ce_specversion" && $0.value == "1.0" })
        #expect(headers.contains { $0.name == "content-type" && $0.value == "application/json" })
        #expect(headers.contains { $0.name == "ce_time" && $0.value == "2026-09-21T14:13:20.125Z" })
        let decoded = try CloudEvent(kafkaHeaders: headers, key: "pr_x", value: Array("{}".utf8))
        #expect(decoded == event)
    }

    @Test func missingRequiredAttributesAreRefused() {
        #expect(throws: CloudEventError.missingAttribute("id")) {
            try CloudEvent(kafkaHeaders: [("ce_specversion", "1.0"), ("ce_source", "s"), ("ce_type", "t")], key: nil, value: nil)
        }
        #expect(throws: CloudEventError.unsupportedSpecVersion("0.3")) {
            try CloudEvent(kafkaHeaders: [("ce_specversion", "0.3")], key: nil, value: nil)
        }
    }

    @Test func decodingAnotherTypeIsRefused() throws {
        let event = CloudEvent(source: "s", type: "civil.registry.other.v1", key: "k", data: [])
        #expect(throws: CloudEventError.typeMismatch(expected: DeathRecorded.eventType.rawValue, actual: "civil.registry.other.v1")) {
            try event.decode(DeathRecorded.self)
        }
    }

    @Test func topicNames() {
        #expect(DeathRecorded.eventType.topic == "civil.registry.events")
        #expect(Topics.stats(of: .assistance) == "civil.stats.assistance")
        #expect(Topics.deadLetter(group: "assistance") == "civil.dlq.assistance")
        #expect(Topics.all.count == 15)
    }
}
