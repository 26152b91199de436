import TestKit
import Contracts
import Foundation
import Messaging
import Testing
import TestSupport

@Suite("Kafka producer and consumer", .tags(.kafka))
struct KafkaRoundTripTests {
    @Test("messages keep their key and headers through a consumer group; one key stays on one partition")
    func roundTrip() async throws {
        let kafka = try TestKafka()
        let topic = "civil.registry.events"
        let producer = try KafkaProducer(configuration: kafka.producerConfiguration(), logger: TestKafka.logger)
        var sent: [OutgoingMessage] = []
        for index in 0..<40 {
            sent.append(OutgoingMessage(
                topic: topic, key: Array("person-\(index % 5)".utf8), value: Array("value-\(index)".utf8),
                headers: [KafkaHeader(name: "ce_id", string: "id-\(index)"), KafkaHeader(name: "x-index", string: "\(index)")]))
        }
        let reports = await producer.send(batch: sent)
        #expect(reports.allSatisfy { (try? $0.get()) != nil })

        let consumer = try KafkaConsumer(
            configuration: kafka.consumerConfiguration(group: "round-trip", topics: [topic]), logger: TestKafka.logger)
        var received: [KafkaMessage] = []
        for try await message in consumer.messages {
            received.append(message)
            try consumer.storeOffset(for: message)
            if received.count == sent.count { break }
        }
        try await consumer.commit()
        await consumer.close()
        await producer.shutdown()

        #expect(received.count == 40)
        let byIndex = Dictionary(uniqueKeysWithValues: received.map { (Int($0.header("x-index")?.stringValue ?? "") ?? -1, $0) })
        for index in 0..<40 {
            let message = try #require(byIndex[index])
            #expect(message.keyString == "person-\(index % 5)")
            #expect(message.value == Array("value-\(index)".utf8))
            #expect(message.header("ce_id")?.stringValue == "id-\(index)")
        }
        var partitionOfKey: [String: Int32] = [:]
        for message in received {
            let key = try #require(message.keyString)
            if let known = partitionOfKey[key] { #expect(known == message.partition) }
            partitionOfKey[key] = message.partition
        }
        // Per key, messages arrive in the order they were produced.
        for key in partitionOfKey.keys {
            let indexes = received.filter { $0.keyString == key }.compactMap { Int($0.header("x-index")?.stringValue ?? "") }
            #expect(indexes == indexes.sorted())
        }
    }

    @Test("a second member of the group resumes after the committed offset")
    func committedOffsetsResume() async throws {
        let kafka = try TestKafka(partitions: 1)
        let topic = "civil.assistance.events"
        let producer = try KafkaProducer(configuration: kafka.producerConfiguration(), logger: TestKafka.logger)
        _ = await producer.send(batch: (0..<10).map {
            OutgoingMessage(topic: topic, key: Array("k".utf8), value: Array("\($0)".utf8))
        })
        let first = try KafkaConsumer(configuration: kafka.consumerConfiguration(group: "resume", topics: [topic]),
                                      logger: TestKafka.logger)
        var seen = 0
        for try await message in first.messages {
            seen += 1
            try first.storeOffset(for: message)
            if seen == 4 { break }
        }
        await first.close()

        let second = try KafkaConsumer(configuration: kafka.consumerConfiguration(group: "resume", topics: [topic]),
                                       logger: TestKafka.logger)
        var values: [String] = []
        for try await message in second.messages {
            values.append(String(decoding: message.value ?? [], as: UTF8.self))
            if values.count == 6 { break }
        }
        await second.close()
        await producer.shutdown()
        #expect(values == ["4", "5", "6", "7", "8", "9"])
    }

    @Test("delivery fails with a typed error once the producer is shut down")
    func sendAfterShutdown() async throws {
        let kafka = try TestKafka()
        let producer = try KafkaProducer(configuration: kafka.producerConfiguration(), logger: TestKafka.logger)
        await producer.shutdown()
        await #expect(throws: KafkaError.shutDown) {
            try await producer.send(OutgoingMessage(topic: "civil.registry.events", key: nil, value: [1]))
        }
    }

    @Test("rebalances are surfaced as events")
    func rebalanceEvents() async throws {
        let kafka = try TestKafka(partitions: 2)
        let topic = "civil.eldercare.events"
        let consumer = try KafkaConsumer(configuration: kafka.consumerConfiguration(group: "rebalance", topics: [topic]),
                                         logger: TestKafka.logger)
        let producer = try KafkaProducer(configuration: kafka.producerConfiguration(), logger: TestKafka.logger)
        _ = try await producer.send(OutgoingMessage(topic: topic, key: Array("a".utf8), value: [1]))
        for try await _ in consumer.messages { break }
        var iterator = consumer.rebalanceEvents.makeAsyncIterator()
        let event = await iterator.next()
        guard case .assigned(let partitions) = event else {
            Issue.record("expected an assignment, got \(String(describing: event))")
            return
        }
        #expect(Set(partitions.map(\.partition)) == [0, 1])
        await consumer.close()
        await producer.shutdown()
    }

    @Test("paused partitions deliver nothing while served; after resume the rest arrives once, in order")
    func pauseAndResume() async throws {
        let kafka = try TestKafka(partitions: 2)
        let topic = "civil.childprotection.events"
        let producer = try KafkaProducer(configuration: kafka.producerConfiguration(), logger: TestKafka.logger)
        let consumer = try KafkaConsumer(configuration: kafka.consumerConfiguration(group: "pause", topics: [topic]),
                                         logger: TestKafka.logger)
        func send(_ range: Range<Int>) async {
            _ = await producer.send(batch: range.map {
                OutgoingMessage(topic: topic, key: Array("k\($0 % 4)".utf8), value: Array("\($0)".utf8))
            })
        }
        await send(0..<10)
        var received: [Int] = []
        while received.count < 3, let batch = try await consumer.nextBatch(max: 3 - received.count) {
            received += batch.compactMap { Int(String(decoding: $0.value ?? [], as: UTF8.self)) }
        }
        let paused = try await consumer.pause()
        #expect(paused == 2)
        #expect(consumer.pausedPartitionCount == 2)
        await send(10..<20)
        await consumer.serve(for: .seconds(2))  // polls: nothing may be handed out, nothing lost
        try await consumer.resume()
        #expect(consumer.pausedPartitionCount == 0)
        while received.count < 20, let batch = try await consumer.nextBatch(max: 100) {
            received += batch.compactMap { Int(String(decoding: $0.value ?? [], as: UTF8.self)) }
        }
        await consumer.close()
        await producer.shutdown()
        #expect(received.count == 20)
        #expect(Set(received) == Set(0..<20))
        for key in 0..<4 {
            let ofKey = received.filter { $0 % 4 == key }
            #expect(ofKey == ofKey.sorted())
        }
    }

    @Test("close finishes through the close queue and a closed consumer's calls fail cleanly")
    func closeThroughQueue() async throws {
        let kafka = try TestKafka(partitions: 2)
        let topic = "civil.socialorg.events"
        let producer = try KafkaProducer(configuration: kafka.producerConfiguration(), logger: TestKafka.logger)
        _ = try await producer.send(OutgoingMessage(topic: topic, key: Array("a".utf8), value: [1]))
        let consumer = try KafkaConsumer(configuration: kafka.consumerConfiguration(group: "close", topics: [topic]),
                                         logger: TestKafka.logger)
        let first = try #require(try await consumer.nextBatch(max: 10)?.first)
        try consumer.storeOffset(for: first)
        let started = ContinuousClock.now
        await consumer.close(timeout: .seconds(10))
        let took = ContinuousClock.now - started
        #expect(took < .seconds(10))
        let afterClose = try await consumer.nextBatch(max: 1)
        #expect(afterClose == nil)
        await #expect(throws: KafkaError.shutDown) { try await consumer.pause() }
        #expect(throws: KafkaError.shutDown) { try consumer.storeOffset(for: first) }
        await producer.shutdown()
    }

    @Test("topics are created on a broker; existing ones are left alone")
    func topicAdmin() async throws {
        let kafka = try TestKafka()
        // All suite topics already exist on the mock broker, so nothing is created (the mock
        // cluster has no CreateTopics support, which is why metadata is read first).
        let created = try await KafkaTopicAdmin.ensureTopics(
            Topics.all.map { TopicSpec(name: $0, partitions: 4, replicationFactor: 1) },
            client: kafka.client("admin"), logger: TestKafka.logger)
        #expect(created == [])
        let probe = try KafkaBrokerProbe(client: kafka.client("probe"), logger: TestKafka.logger)
        let brokers = try await probe.brokerCount()
        #expect(brokers == 1)
    }
}

@Suite("Kafka fault injection", .tags(.kafka))
struct KafkaFaultInjectionTests {
    @Test("retriable produce errors injected by the broker are retried; every message is delivered once")
    func retriableProduceErrors() async throws {
        let kafka = try TestKafka(partitions: 1)
        let topic = "civil.childprotection.events"
        // ApiKey 0 = Produce; 6 = NOT_LEADER_FOR_PARTITION, 7 = REQUEST_TIMED_OUT, 19 = NOT_ENOUGH_REPLICAS.
        kafka.cluster.pushRequestErrors(apiKey: 0, errors: [6, 7, 19])
        let producer = try KafkaProducer(configuration: kafka.producerConfiguration(), logger: TestKafka.logger)
        let results = await producer.send(batch: (0..<50).map {
            OutgoingMessage(topic: topic, key: Array("k".utf8), value: Array("\($0)".utf8))
        })
        #expect(results.allSatisfy { (try? $0.get()) != nil })
        let offsets = results.compactMap { try? $0.get().offset }
        #expect(offsets == Array(0..<50).map(Int64.init))  // in order, no duplicates: the idempotent producer at work
        await producer.shutdown()
    }

    @Test("a message that cannot be delivered in time fails with a typed error, not silently")
    func deliveryTimeout() async throws {
        let kafka = try TestKafka()
        var configuration = kafka.producerConfiguration()
        configuration.messageTimeoutMs = 1_500
        let producer = try KafkaProducer(configuration: configuration, logger: TestKafka.logger)
        kafka.cluster.setAllBrokersDown()
        await #expect(throws: KafkaError.self) {
            try await producer.send(OutgoingMessage(topic: "civil.registry.events", key: nil, value: [1]))
        }
        kafka.cluster.setAllBrokersUp()
        await producer.shutdown()
    }
}
