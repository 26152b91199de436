import Contracts
import EventTransport
import Foundation
import Messaging
import Metrics

extension InboxConsumer {
    /// Whether the work in hand was finished, or left because the consumer is stopping.
    enum Progress: Equatable { case done, stopped }

    struct Item: Sendable {
        var message: KafkaMessage
        var event: CloudEvent
        var handler: EventHandlers.Handler
    }

    /// One transaction for every event of the batch that has a handler; one by one if it fails
    /// for any reason but an outage.
    func process(_ batch: [KafkaMessage], consumer: KafkaConsumer) async throws -> Progress {
        var batch = batch
        var machine = InboxRetryStateMachine(policy: configuration.retryPolicy)
        var items: [Item] = []
        var undecodable: [(KafkaMessage, CloudEventError)] = []
        for message in batch {
            do {
                let event = try message.cloudEvent()
                if let handler = handlers.handler(for: event.type) { items.append(Item(message: message, event: event, handler: handler)) }
            } catch {
                undecodable.append((message, error))
            }
        }
        guard items.count > 1 else { return try await processOneByOne(batch, consumer: consumer, machine: &machine) }

        while true {
            let applied: Set<UUID>
            do {
                let pending = items
                applied = try await attempt(&machine, consumer: consumer) {
                    try await self.applyBatch(pending)
                }
            } catch {
                let failure = InboxErrorClassification.classify(error)
                switch machine.batchFailed(failure, jitter: Double.random(in: 0..<1)) {
                case .applyOneByOne:
                    logger.warning("batch failed; applying its events one by one", metadata: ["error": "\(error)"])
                    return try await processOneByOne(batch, consumer: consumer, machine: &machine)
                case .retry(let delay, let pause):
                    guard await waitOutOutage(failure, error: error, delay: delay, pause: pause, consumer: consumer) else {
                        return .stopped
                    }
                    // Partitions lost meanwhile belong to another member now: it applies their events.
                    batch = batch.filter { consumer.isAssigned(topic: $0.topic, partition: $0.partition) }
                    items = items.filter { consumer.isAssigned(topic: $0.message.topic, partition: $0.message.partition) }
                    undecodable = undecodable.filter { consumer.isAssigned(topic: $0.0.topic, partition: $0.0.partition) }
                    if items.count < 2 { return try await processOneByOne(batch, consumer: consumer, machine: &machine) }
                    continue
                }
            }
            for item in items {
                let outcome = applied.contains(item.event.id) ? "applied" : "duplicate"
                Counter(label: "inbox_events_total", dimensions: [("group", group), ("type", item.event.type),
                                                                 ("outcome", outcome)]).increment()
                try hooks.handled(item.event)
            }
            break
        }
        for (message, error) in undecodable {
            try await deadLetter(message, reason: error, code: error.code, attempts: 1)
        }
        guard try await finish(&machine, consumer: consumer) == .done else { return .stopped }
        storeOffsets(batch, consumer: consumer)
        return .done
    }

    private func processOneByOne(
        _ batch: [KafkaMessage], consumer: KafkaConsumer, machine: inout InboxRetryStateMachine
    ) async throws -> Progress {
        for message in batch {
            machine.nextWork()
            guard try await process(message, consumer: consumer, machine: &machine) == .done else { return .stopped }
        }
        return .done
    }

    /// Applies one event, retrying as the state machine decides; dead-letters it when told to.
    func process(_ message: KafkaMessage, consumer: KafkaConsumer, machine: inout InboxRetryStateMachine) async throws -> Progress {
        let event: CloudEvent
        do {
            event = try message.cloudEvent()
        } catch {
            try await deadLetter(message, reason: error, code: error.code, attempts: 1)
            guard try await finish(&machine, consumer: consumer) == .done else { return .stopped }
            storeOffset(message, consumer: consumer)
            return .done
        }
        guard let handler = handlers.handler(for: event.type) else {
            storeOffset(message, consumer: consumer)  // not an event this service reacts to
            return .done
        }
        while true {
            do {
                let applied = try await attempt(&machine, consumer: consumer) {
                    try await self.apply(event, message: message, handler: handler)
                }
                Counter(label: "inbox_events_total", dimensions: [("group", group), ("type", event.type),
                                                                 ("outcome", applied ? "applied" : "duplicate")]).increment()
                break
            } catch {
                let failure = InboxErrorClassification.classify(error)
                switch machine.eventFailed(failure, jitter: Double.random(in: 0..<1)) {
                case .deadLetter(let attempts):
                    logger.error("event dead-lettered", metadata: ["ce.id": "\(event.id)", "ce.type": "\(event.type)",
                                                                   "attempts": "\(attempts)", "error": "\(String(reflecting: error))"])
                    let code = (error as? CloudEventError)?.code ?? "handler.failed"
                    try await deadLetter(message, reason: error, code: code, attempts: attempts)
                case .retry(let delay, let pause) where failure.isTransient:
                    guard await waitOutOutage(failure, error: error, delay: delay, pause: pause, consumer: consumer) else {
                        return .stopped
                    }
                    guard consumer.isAssigned(topic: message.topic, partition: message.partition) else {
                        // Lost during the outage: the partition's new owner applies it.
                        return try await finish(&machine, consumer: consumer)
                    }
                    continue
                case .retry(let delay, _):
                    logger.warning("event handler failed; retrying", metadata: ["ce.id": "\(event.id)",
                                                                                "attempt": "\(machine.failedAttempts)", "error": "\(error)"])
                    guard await wait(delay, consumer: consumer, serving: machine.isPaused) else { return .stopped }
                    continue
                }
                break
            }
        }
        try hooks.handled(event)
        guard try await finish(&machine, consumer: consumer) == .done else { return .stopped }
        storeOffset(message, consumer: consumer)
        return .done
    }

    /// The work in hand is done: resumes the partitions if an outage had paused them.
    private func finish(_ machine: inout InboxRetryStateMachine, consumer: KafkaConsumer) async throws -> Progress {
        guard machine.workDone() == .resumeAndProceed else { return .done }
        return await resumePartitions(consumer) ? .done : .stopped
    }

    /// Stores the highest offset of each partition in the batch.
    func storeOffsets(_ batch: [KafkaMessage], consumer: KafkaConsumer) {
        var last: [TopicPartition: KafkaMessage] = [:]
        for message in batch {
            let key = TopicPartition(topic: message.topic, partition: message.partition)
            if let known = last[key], known.offset > message.offset { continue }
            last[key] = message
        }
        for message in last.values { storeOffset(message, consumer: consumer) }
    }

    func storeOffset(_ message: KafkaMessage, consumer: KafkaConsumer) {
        do {
            try consumer.storeOffset(for: message)
        } catch {
            // The partition moved during processing: its new owner redelivers, and the inbox drops it.
            logger.warning("could not store offset", metadata: ["error": "\(error)"])
        }
    }
}
