import TestKit
import Contracts
import EventTransport
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
            let dead = try await Pipeline.running([producer, consumer]) {
                let effects = try await eventually(timeout: .seconds(60)) {
                    try await Pipeline.count(database, "SELECT count(*) FROM effects")
                } until: { $0 == 1 }
                #expect(effects == 1)
                return try await TopicReader(kafka: kafka, topics: [Topics.deadLetter(group: "pipeline")]).read { $0.count >= 2 }
            }
            let inbox = try await Pipeline.count(database, "SELECT count(*) FROM inbox")
            #expect(inbox == 1)
            #expect(dead.count == 2)
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
            let letters = try await Pipeline.running([producer, consumer]) {
                let effects = try await eventually(timeout: .seconds(60)) {
                    try await Pipeline.count(database, "SELECT count(*) FROM effects")
                } until: { $0 == 1 }
                #expect(effects == 1)
                return try await TopicReader(kafka: kafka, topics: [Topics.deadLetter(group: "failing")]).read { !$0.isEmpty }
            }
            // Only the second event's effect remains: the first one's insert rolled back each time.
            let applied = try await Pipeline.count(database, "SELECT sequence FROM effects")
            #expect(applied == 2)
            #expect(letters.count == 1)
            let dead = try #require(letters.first)
            #expect(dead.header("dlq_attempts")?.stringValue == "3")
            #expect(dead.header("dlq_error_code")?.stringValue == "handler.failed")
        }
    }
}

@Suite("Dead-lettering still happens for bad events", .tags(.postgres, .kafka, .slow), .serialized)
struct DeadLetterAmongGoodTests {
    @Test("poison events among good ones are dead-lettered with their reason; the rest are applied once")
    func poisonAmongGood() async throws {
        try await TestDatabase.with("poisonbatch") { database in
            try await Pipeline.migrate(database)
            let kafka = try TestKafka()
            let deadLetters = try Outage.deadLetterTopic(kafka, group: "poisonbatch")
            let producer = try KafkaProducer(configuration: kafka.producerConfiguration(), logger: TestKafka.logger)
            let topic = EffectRequested.eventType.topic
            var poisonIDs: Set<String> = []
            for sequence in 1...20 {
                if sequence % 7 == 0 {
                    let poison = CloudEvent(source: "urn:civil:test", type: EffectRequested.eventType.rawValue, key: "case-\(sequence % 3)",
                                            data: Array(#"{"aggregateID":"k","sequence":"seven"}"#.utf8))
                    poisonIDs.insert(poison.id.uuidString.lowercased())
                    _ = try await producer.send(OutgoingMessage(cloudEvent: poison, topic: topic))
                }
                try await Outage.send(sequence...sequence, producer: producer)
            }
            // Sent before the consumer starts, so they arrive in batches.
            let consumer = Pipeline.consumer(database, kafka: kafka, producer: producer, group: "poisonbatch")
            try await Pipeline.running([producer, consumer]) {
                // The topic holds 22 messages: once 20 are applied and 2 dead-lettered, nothing is left.
                _ = try await eventually(timeout: .seconds(60)) {
                    try await Pipeline.count(database, "SELECT count(*) FROM effects")
                } until: { $0 >= 20 }
                _ = try await TopicReader(kafka: kafka, topics: [deadLetters]).read(timeout: .seconds(60)) { $0.count >= 2 }
            }
            let (effects, distinct) = try await Pipeline.effects(database)
            #expect(effects == 20)
            #expect(distinct == 20)
            let dead = try await Outage.readAll(deadLetters, kafka: kafka)
            #expect(dead.count == 2)
            #expect(Set(dead.compactMap { $0.header("ce_id")?.stringValue }) == poisonIDs)
            #expect(dead.map { $0.header("dlq_error_code")?.stringValue } == ["cloudevent.invalid-data", "cloudevent.invalid-data"])
            #expect(dead.map { $0.header("dlq_attempts")?.stringValue } == ["1", "1"])
            #expect(dead.allSatisfy { $0.header("dlq_reason")?.stringValue.contains("Path: sequence") == true })
        }
    }

    struct Forbidden: PermanentEventError {}

    @Test("a handler's permanent error is dead-lettered at once; the other events are applied")
    func permanentHandlerError() async throws {
        try await TestDatabase.with("permanent") { database in
            try await Pipeline.migrate(database)
            let kafka = try TestKafka()
            let deadLetters = try Outage.deadLetterTopic(kafka, group: "permanent")
            let producer = try KafkaProducer(configuration: kafka.producerConfiguration(), logger: TestKafka.logger)
            let calls = Tickets()
            var handlers = EventHandlers()
            handlers.on(EffectRequested.self) { event, context in
                if event.sequence == 3 {
                    _ = calls.next()
                    throw Forbidden()
                }
                try await context.connection.query(
                    "INSERT INTO effects (event_id, sequence) VALUES (\(context.event.id), \(event.sequence))", logger: context.logger)
            }
            try await Outage.send(1...6, producer: producer)
            let consumer = Pipeline.consumer(database, kafka: kafka, producer: producer, group: "permanent", handlers: handlers)
            try await Pipeline.running([producer, consumer]) {
                // The topic holds 6 events: once 5 are applied and 1 dead-lettered, nothing is left.
                _ = try await eventually(timeout: .seconds(60)) {
                    try await Pipeline.count(database, "SELECT count(*) FROM effects")
                } until: { $0 >= 5 }
                _ = try await TopicReader(kafka: kafka, topics: [deadLetters]).read(timeout: .seconds(60)) { !$0.isEmpty }
            }
            let effects = try await Pipeline.count(database, "SELECT count(*) FROM effects")
            let third = try await Pipeline.count(database, "SELECT count(*) FROM effects WHERE sequence = 3")
            #expect(effects == 5)
            #expect(third == 0)
            let dead = try await Outage.readAll(deadLetters, kafka: kafka)
            #expect(dead.count == 1)
            #expect(dead.first?.header("dlq_attempts")?.stringValue == "1")
            #expect(dead.first?.header("dlq_error_code")?.stringValue == "handler.failed")
            #expect(dead.first?.header("dlq_reason")?.stringValue.contains("Forbidden") == true)
        }
    }
}
