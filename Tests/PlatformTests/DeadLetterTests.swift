import Contracts
import Foundation
import Messaging
import Persistence
import Testing
import TestSupport

@Suite("Dead-letter topic", .tags(.postgres, .kafka, .slow), .serialized)
struct DeadLetterTests {
    @Test("a poison event goes to the dead-letter topic with its reason; the next event is still processed")
    func poisonEvent() async throws {
        try await TestDatabase.with("poison") { database in
            try await Pipeline.migrate(database)
            let kafka = try TestKafka()
            let producer = try KafkaProducer(configuration: kafka.producerConfiguration(), logger: TestKafka.logger)
            let topic = EffectRequested.eventType.topic
            // Right type, wrong data: decoding can never succeed.
            let poison = CloudEvent(source: "urn:civil:test", type: EffectRequested.eventType.rawValue, key: "k",
                                    data: Array(#"{"aggregateID":"k","sequence":"not a number"}"#.utf8))
            // Not a CloudEvent at all.
            let garbage = OutgoingMessage(topic: topic, key: Array("k".utf8), value: Array("garbage".utf8))
            let good = try CloudEvent.wrap(EffectRequested(aggregateID: "k", sequence: 1), source: "urn:civil:test")
            for message in [OutgoingMessage(cloudEvent: poison, topic: topic), garbage, OutgoingMessage(cloudEvent: good, topic: topic)] {
                _ = try await producer.send(message)
            }
            let consumer = Pipeline.consumer(database, kafka: kafka, producer: producer, maxAttempts: 3)
            try await Pipeline.running([producer, consumer]) {
                let check27 = try await Pipeline.eventually { try await Pipeline.count(database, "SELECT count(*) FROM effects") == 1 }
                #expect(check27)
            }
            let check30 = try await Pipeline.count(database, "SELECT count(*) FROM inbox") == 1
            #expect(check30)

            let reader = try KafkaConsumer(
                configuration: kafka.consumerConfiguration(group: "dlq-reader", topics: [Topics.deadLetter(group: "pipeline")]),
                logger: TestKafka.logger)
            var dead: [KafkaMessage] = []
            for try await message in reader.messages {
                dead.append(message)
                if dead.count == 2 { break }
            }
            await reader.close()
            let poisoned = try #require(dead.first { $0.header("ce_id")?.stringValue == poison.id.uuidString.lowercased() })
            #expect(poisoned.header("dlq_error_code")?.stringValue == "cloudevent.invalid-data")
            #expect(poisoned.header("dlq_attempts")?.stringValue == "1")
            #expect(poisoned.header("dlq_original_topic")?.stringValue == topic)
            #expect(poisoned.value == poison.data)
            let malformed = try #require(dead.first { $0.value == Array("garbage".utf8) })
            #expect(malformed.header("dlq_error_code")?.stringValue == "cloudevent.missing-attribute")
        }
    }

    @Test("a handler that keeps failing is retried, then dead-lettered with the attempt count")
    func failingHandler() async throws {
        try await TestDatabase.with("failing") { database in
            try await Pipeline.migrate(database)
            let kafka = try TestKafka()
            let producer = try KafkaProducer(configuration: kafka.producerConfiguration(), logger: TestKafka.logger)
            var handlers = EventHandlers()
            struct Boom: Error {}
            handlers.on(EffectRequested.self) { event, context in
                try await context.connection.query(
                    "INSERT INTO effects (event_id, sequence) VALUES (\(context.event.id), \(event.sequence))",
                    logger: context.logger)
                if event.sequence == 1 { throw Boom() }  // rolls back the insert above each time
            }
            var configuration = InboxConsumer.Configuration(
                kafka: kafka.consumerConfiguration(group: "failing", topics: [EffectRequested.eventType.topic]))
            configuration.maxAttempts = 3
            configuration.retryBackoff = .milliseconds(10)
            let consumer = InboxConsumer(configuration: configuration, client: database.client, deadLetterProducer: producer,
                                         handlers: handlers, logger: TestKafka.logger)
            for sequence in 1...2 {
                _ = try await producer.send(OutgoingMessage(
                    cloudEvent: try CloudEvent.wrap(EffectRequested(aggregateID: "same", sequence: sequence), source: "urn:civil:test"),
                    topic: EffectRequested.eventType.topic))
            }
            try await Pipeline.running([producer, consumer]) {
                let check78 = try await Pipeline.eventually { try await Pipeline.count(database, "SELECT count(*) FROM effects") == 1 }
                #expect(check78)
            }
            let check81 = try await Pipeline.count(database, "SELECT sequence FROM effects") == 2
            #expect(check81)
            let reader = try KafkaConsumer(
                configuration: kafka.consumerConfiguration(group: "dlq-reader", topics: [Topics.deadLetter(group: "failing")]),
                logger: TestKafka.logger)
            var iterator = reader.messages.makeAsyncIterator()
            let dead = try #require(try await iterator.next())
            await reader.close()
            #expect(dead.header("dlq_attempts")?.stringValue == "3")
            #expect(dead.header("dlq_error_code")?.stringValue == "handler.failed")
        }
    }
}
