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
            let pendingAfterCrash = try await Pipeline.count(database, "SELECT count(*) FROM outbox_pending")
            #expect(pendingAfterCrash == 20)

            let relay = Pipeline.relay(database, producer: producer)
            let handled = HandledEvents()
            let consumer = Pipeline.consumer(database, kafka: kafka, producer: producer, hooks: handled)
            try await Pipeline.running([producer, relay, consumer]) {
                // The topic holds 40 messages: the 20 the crashed relay sent and the same 20 sent again.
                let deliveries = try await eventually(timeout: .seconds(60)) { handled.count } until: { $0 >= 40 }
                #expect(deliveries == 40)
            }
            let pending = try await Pipeline.count(database, "SELECT count(*) FROM outbox_pending")
            let inbox = try await Pipeline.count(database, "SELECT count(*) FROM inbox")
            let (effects, distinct) = try await Pipeline.effects(database)
            #expect(pending == 0)
            #expect(inbox == 20)
            #expect(effects == 20)
            #expect(distinct == 20)
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

            let handled = HandledEvents()
            let consumer = Pipeline.consumer(database, kafka: kafka, producer: producer, hooks: handled)
            try await Pipeline.running([producer, consumer]) {
                let inbox = try await eventually(timeout: .seconds(60)) {
                    try await Pipeline.count(database, "SELECT count(*) FROM inbox")
                } until: { $0 == 20 }
                #expect(inbox == 20)
                // Whatever the crashed consumer applied without storing its offset comes again: at least
                // the events it had not applied, then every redelivery handled.
                let redelivered = try await handled.settled(atLeast: 20 - appliedBeforeCrash)
                #expect(redelivered >= 20 - appliedBeforeCrash)
            }
            let (effects, distinct) = try await Pipeline.effects(database)
            #expect(effects == 20)
            #expect(distinct == 20)
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
            let handled = HandledEvents()
            let consumer = Pipeline.consumer(database, kafka: kafka, producer: producer, hooks: handled)
            try await Pipeline.running([producer, relay, consumer]) {
                for sequence in 1...10 {
                    try await Pipeline.command(database, aggregate: "case-\(sequence % 2)", sequence: sequence)
                }
                let before = try await eventually(timeout: .seconds(60)) {
                    try await Pipeline.count(database, "SELECT count(*) FROM effects")
                } until: { $0 == 10 }
                #expect(before == 10)

                kafka.cluster.setAllBrokersDown()
                for sequence in 11...30 {
                    try await Pipeline.command(database, aggregate: "case-\(sequence % 2)", sequence: sequence)
                }
                try await Task.sleep(for: .seconds(4))
                let duringOutage = try await Pipeline.count(database, "SELECT count(*) FROM effects")
                kafka.cluster.setAllBrokersUp()

                #expect(duringOutage == 10)
                let after = try await eventually(timeout: .seconds(60)) {
                    try await Pipeline.count(database, "SELECT count(*) FROM effects")
                } until: { $0 >= 30 }
                #expect(after == 30)
                // Messages the producer retried across the outage may be on the topic twice: all handled.
                let deliveries = try await handled.settled(atLeast: 30)
                #expect(deliveries >= 30)
            }
            let (effects, distinct) = try await Pipeline.effects(database)
            let pending = try await Pipeline.count(database, "SELECT count(*) FROM outbox_pending")
            #expect(effects == 30)
            #expect(distinct == 30)
            #expect(pending == 0)
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
                let pending = try await eventually(timeout: .seconds(60)) {
                    try await Pipeline.count(database, "SELECT count(*) FROM outbox_pending")
                } until: { $0 == 0 }
                #expect(pending == 0)
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
                let early = try await relay.publishOnce().published
                #expect(early == 1)
                try await slow.query("COMMIT", logger: logger)
            }
            let late = try await relay.publishOnce().published
            #expect(late == 1)
            let pending = try await Pipeline.count(database, "SELECT count(*) FROM outbox_pending")
            #expect(pending == 0)
            await producer.shutdown()
        }
    }
}
