import TestKit
import Contracts
import Foundation
import Messaging
import Persistence
import PostgresNIO
import Testing
import TestSupport

/// Outbox → relay → Kafka → consumer → inbox, with each effect applied exactly once
/// when a component dies at the worst moment or the broker goes away.
@Suite("Exactly-once effects across failures", .tags(.postgres, .kafka, .slow), .serialized)
struct ExactlyOnceTests {
    @Test("relay killed after producing but before marking: the batch is sent twice, applied once")
    func relayKilledBeforeMarking() async throws {
        try await TestDatabase.with("relaykill") { database in
            try await Pipeline.migrate(database)
            let kafka = try TestKafka()
            let producer = try KafkaProducer(configuration: kafka.producerConfiguration(), logger: TestKafka.logger)
            for sequence in 1...20 {
                try await Pipeline.command(database, aggregate: "case-\(sequence % 3)", sequence: sequence)
            }

            let crashing = Pipeline.relay(database, producer: producer, hooks: CrashBeforeCursorMoves())
            await #expect(throws: SimulatedCrash.self) { try await crashing.publishOnce() }
            let pending27 = try await Pipeline.count(database, "SELECT count(*) FROM outbox_pending")
            #expect(pending27 == 20)

            let relay = Pipeline.relay(database, producer: producer)
            let consumer = Pipeline.consumer(database, kafka: kafka, producer: producer)
            try await Pipeline.running([producer, relay, consumer]) {
                let done = try await Pipeline.eventually {
                    // 40 deliveries (20 duplicates) reach the consumer; all are recorded once in the inbox.
                    let unpublished = try await Pipeline.count(database, "SELECT count(*) FROM outbox_pending")
                    let handled = try await Pipeline.count(database, "SELECT count(*) FROM inbox")
                    return unpublished == 0 && handled == 20
                }
                #expect(done)
                try await Task.sleep(for: .seconds(1))  // let the duplicates arrive too
            }
            let check41 = try await Pipeline.count(database, "SELECT count(*) FROM effects") == 20
            #expect(check41)
            let check43 = try await Pipeline.count(database, "SELECT count(DISTINCT sequence) FROM effects") == 20
            #expect(check43)
        }
    }

    @Test("consumer killed after its commit but before storing the offset: redelivered, applied once")
    func consumerKilledBeforeOffsetStore() async throws {
        try await TestDatabase.with("consumerkill") { database in
            try await Pipeline.migrate(database)
            let kafka = try TestKafka()
            let producer = try KafkaProducer(configuration: kafka.producerConfiguration(), logger: TestKafka.logger)
            for sequence in 1...20 {
                try await Pipeline.command(database, aggregate: "case-\(sequence % 4)", sequence: sequence)
            }
            let relay = Pipeline.relay(database, producer: producer)
            while try await relay.publishOnce().published > 0 {}

            let crashing = Pipeline.consumer(database, kafka: kafka, producer: producer, hooks: CrashAfterCommit(crashAt: 7))
            await #expect(throws: SimulatedCrash.self) { try await crashing.run() }
            let appliedBeforeCrash = try await Pipeline.count(database, "SELECT count(*) FROM effects")
            // Everything up to the crash point was committed (a whole batch may be), but no offset was stored.
            #expect(appliedBeforeCrash >= 7)

            let consumer = Pipeline.consumer(database, kafka: kafka, producer: producer)
            try await Pipeline.running([producer, consumer]) {
                let check71 = try await Pipeline.eventually { try await Pipeline.count(database, "SELECT count(*) FROM inbox") == 20 }
                #expect(check71)
                try await Task.sleep(for: .milliseconds(500))
            }
            let check75 = try await Pipeline.count(database, "SELECT count(*) FROM effects") == 20
            #expect(check75)
            let check77 = try await Pipeline.count(database, "SELECT count(DISTINCT event_id) FROM effects") == 20
            #expect(check77)
        }
    }

    @Test("broker down for several seconds: nothing is lost, nothing is applied twice")
    func brokerOutage() async throws {
        try await TestDatabase.with("brokerdown") { database in
            try await Pipeline.migrate(database)
            let kafka = try TestKafka()
            var producerConfiguration = kafka.producerConfiguration()
            producerConfiguration.client.additional["reconnect.backoff.max.ms"] = "500"
            let producer = try KafkaProducer(configuration: producerConfiguration, logger: TestKafka.logger)
            let relay = Pipeline.relay(database, producer: producer)
            let consumer = Pipeline.consumer(database, kafka: kafka, producer: producer)
            try await Pipeline.running([producer, relay, consumer]) {
                for sequence in 1...10 {
                    try await Pipeline.command(database, aggregate: "case-\(sequence % 2)", sequence: sequence)
                }
                let check96 = try await Pipeline.eventually { try await Pipeline.count(database, "SELECT count(*) FROM effects") == 10 }
                #expect(check96)

                kafka.cluster.setAllBrokersDown()
                for sequence in 11...30 {
                    try await Pipeline.command(database, aggregate: "case-\(sequence % 2)", sequence: sequence)
                }
                try await Task.sleep(for: .seconds(4))
                let duringOutage = try await Pipeline.count(database, "SELECT count(*) FROM effects")
                kafka.cluster.setAllBrokersUp()

                #expect(duringOutage == 10)
                let check108 = try await Pipeline.eventually { try await Pipeline.count(database, "SELECT count(*) FROM effects") == 30 }
                #expect(check108)
                try await Task.sleep(for: .milliseconds(500))
            }
            let check112 = try await Pipeline.count(database, "SELECT count(*) FROM effects") == 30
            #expect(check112)
            let check114 = try await Pipeline.count(database, "SELECT count(DISTINCT sequence) FROM effects") == 30
            #expect(check114)
            let pending116 = try await Pipeline.count(database, "SELECT count(*) FROM outbox_pending")
            #expect(pending116 == 0)
        }
    }

    @Test("a second relay waits in standby while the first holds the lock")
    func singleActiveRelay() async throws {
        try await TestDatabase.with("standby") { database in
            try await Pipeline.migrate(database)
            let kafka = try TestKafka()
            let producer = try KafkaProducer(configuration: kafka.producerConfiguration(), logger: TestKafka.logger)
            let active = Pipeline.relay(database, producer: producer)
            let standby = Pipeline.relay(database, producer: producer)
            try await Pipeline.running([producer, active]) {
                try await Pipeline.command(database, aggregate: "a", sequence: 1)
                #expect(try await Pipeline.eventually {
                    try await Pipeline.count(database, "SELECT count(*) FROM outbox_pending") == 0
                })
                await #expect(throws: OutboxRelay.RelayError.anotherRelayIsActive) { try await standby.publishOnce() }
            }
        }
    }

    @Test("a row committed after a higher position is still published")
    func lateCommitIsNotSkipped() async throws {
        try await TestDatabase.with("latecommit") { database in
            try await Pipeline.migrate(database)
            let kafka = try TestKafka()
            let producer = try KafkaProducer(configuration: kafka.producerConfiguration(), logger: TestKafka.logger)
            let relay = Pipeline.relay(database, producer: producer)
            let logger = TestKafka.logger
            // Transaction A takes the lower position but commits last.
            try await database.client.withConnection { slow in
                try await slow.query("BEGIN", logger: logger)
                try await Outbox.append(EffectRequested(aggregateID: "late", sequence: 1), source: "urn:civil:test",
                                        on: slow, logger: logger)
                try await Pipeline.command(database, aggregate: "early", sequence: 2)
                let check153 = try await relay.publishOnce().published == 1
                #expect(check153)
                try await slow.query("COMMIT", logger: logger)
            }
            let check157 = try await relay.publishOnce().published == 1
            #expect(check157)
            let pending159 = try await Pipeline.count(database, "SELECT count(*) FROM outbox_pending")
            #expect(pending159 == 0)
            await producer.shutdown()
        }
    }
}
