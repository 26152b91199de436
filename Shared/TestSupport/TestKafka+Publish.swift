import Contracts
import Foundation
import Messaging

extension TestKafka {
    /// Publishes another bureau's event on its topic, as that bureau's relay would; `key` replaces
    /// the event's own key (its aggregate id) to put it on another aggregate's partition.
    public func publish<E: DomainEvent>(_ event: E, id: UUID = UUID(), key: String? = nil, from domain: Domain) async throws {
        let producer = try KafkaProducer(configuration: producerConfiguration("\(domain.rawValue)-stand-in"), logger: Self.logger)
        var envelope = try CloudEvent.wrap(event, source: domain.source, id: id)
        if let key { envelope.key = key }
        _ = try await producer.send(OutgoingMessage(cloudEvent: envelope, topic: Topics.events(of: domain)))
        await producer.shutdown()
    }
}
