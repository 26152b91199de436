import Contracts
import Foundation
import Logging
import TestSupport

/// One fault's processes: a fresh embedded-kafka, the Registry and two consumers
/// (ElderCare, ChildProtection), each with a fresh database on the shared scratch cluster.
/// A fresh broker and fresh databases per fault keep the counts of one fault from
/// leaking into the next.
final class FaultStack: Sendable {
    let kafka: EmbeddedKafkaProcess
    let registry: ServiceProcess
    let consumers: [ServiceProcess]
    var services: [ServiceProcess] { [registry] + consumers }

    static let consumerProducts: [(product: String, domain: Domain)] = [("elder-care", .eldercare), ("child-protection", .childprotection)]

    /// Starts everything; on any failure stops what already runs before rethrowing.
    static func start(cluster: ScratchPostgres, binaries: String, directory: String, tag: String,
                      settings: MatrixSettings, logger: Logger) async throws -> FaultStack {
        let kafka = try await EmbeddedKafkaProcess.start(binaries: binaries, directory: directory, partitions: settings.partitions)
        var started: [ServiceProcess] = []
        do {
            func service(_ product: String, _ domain: Domain) async throws -> ServiceProcess {
                let database = "\(domain.rawValue)_\(tag)"
                try await cluster.createDatabase(database)
                return try ServiceProcess(product: product, domain: domain, binaries: binaries, directory: directory,
                                          database: database, postgresPort: cluster.port, kafkaBootstrap: kafka.bootstrap,
                                          kafkaPartitions: settings.partitions, logLevel: settings.logLevel)
            }
            let registry = try await service("registry", .registry)
            var consumers: [ServiceProcess] = []
            for (product, domain) in consumerProducts { consumers.append(try await service(product, domain)) }
            // One at a time: on two cores parallel start-ups only slow each other down.
            for process in [registry] + consumers {
                started.append(process)
                try await process.start()
            }
            for consumer in consumers {
                try await EffectLedger.instrumentJournal(cluster, database: consumer.database, logger: logger)
            }
            return FaultStack(kafka: kafka, registry: registry, consumers: consumers)
        } catch {
            for process in started.reversed() { await process.kill() }
            await kafka.stop()
            throw error
        }
    }

    private init(kafka: EmbeddedKafkaProcess, registry: ServiceProcess, consumers: [ServiceProcess]) {
        self.kafka = kafka
        self.registry = registry
        self.consumers = consumers
    }

    /// SIGTERM to every service, consumers first (SIGKILL after 15 s), then the broker.
    /// Returns the services that needed SIGKILL.
    func shutdown() async -> [String] {
        var ignored: [String] = []
        for service in services.reversed() {
            if !(await service.terminate()) { ignored.append(service.product) }
        }
        await kafka.stop()
        return ignored
    }

    /// Last resort when a fault run throws: nothing may keep running.
    func kill() async {
        for service in services { await service.kill() }
        await kafka.stop()
    }
}
