import Contracts
import EventTransport
import Foundation
import Messaging
import TestKit
import Testing

/// The CloudEvents Kafka protocol binding, binary content mode: attributes as `ce_` headers.
@Suite("CloudEvents Kafka binary mode", .tags(.unit))
struct CloudEventKafkaBindingTests {
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

    @Test func outgoingMessageCarriesKeyValueAndHeaders() {
        let event = CloudEvent(source: "urn:civil:registry", type: "civil.registry.death-recorded.v1", key: "pr_x",
                               data: Array(#"{"a":1}"#.utf8))
        let message = OutgoingMessage(cloudEvent: event, topic: "civil.registry.events")
        #expect(message.topic == "civil.registry.events")
        #expect(message.key == Array("pr_x".utf8))
        #expect(message.value == event.data)
        #expect(message.headers.map(\.name) == event.kafkaHeaders.map(\.name))
    }
}
