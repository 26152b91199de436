import Foundation
import Logging
import Messaging
import Synchronization
import Testing
import TestKit
import TestSupport

/// The embedded broker speaks plaintext only; a client configured for TLS or SASL must fail there
/// within its timeout and say why, not hang.
@Suite("Kafka security against the embedded broker", .tags(.kafka))
struct KafkaSecurityBrokerTests {
    @Test("a sasl_ssl client fails within its timeout against the plaintext broker, and the log says why")
    func saslSSLAgainstAPlaintextBroker() async throws {
        let kafka = try TestKafka()
        var client = kafka.client("sasl-ssl-probe")
        client.security = KafkaSecurity(securityProtocol: .saslSSL, saslMechanism: .scramSHA512,
                                        saslUsername: "registry", saslPassword: "pw")
        let log = RecordedLog()
        let probe = try KafkaBrokerProbe(client: client, logger: log.logger)
        let started = ContinuousClock.now
        let probeError = await #expect(throws: KafkaError.self) { try await probe.brokerCount(timeoutMs: 2_000) }
        #expect(probeError?.message.hasPrefix("broker metadata: ") == true, "\(String(describing: probeError))")
        let adminError = await #expect(throws: KafkaError.self) {
            try await KafkaTopicAdmin.ensureTopics([TopicSpec(name: "civil.registry.events", partitions: 1, replicationFactor: 1)],
                                                   client: client, timeoutMs: 2_000, logger: log.logger)
        }
        #expect(adminError?.message.hasPrefix("fetch metadata: ") == true, "\(String(describing: adminError))")
        // Two 2 s timeouts: the bound only shows the client gives up rather than hangs. It is wide
        // because the blocking calls queue behind the whole suite's on a loaded 2-core machine
        // (21 s seen there, 64 s once at the start of a full run).
        #expect(ContinuousClock.now - started < .seconds(180))
        let reason = try await eventually(timeout: .seconds(5)) { log.lines.contains { $0.contains("SSL handshake failed") } }
        #expect(reason, "\(log.lines)")
    }

    @Test("a CA file that is not PEM fails when the first client is created, with librdkafka's reason")
    func aCAFileThatIsNotPEM() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ca-\(UUID().uuidString).pem").path
        try Data("not a certificate\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var client = KafkaClientConfiguration(bootstrapServers: "127.0.0.1:9", clientID: "bad-ca")
        client.security = KafkaSecurity(securityProtocol: .ssl, caFile: path)
        let error = #expect(throws: KafkaError.self) {
            try KafkaProducer(configuration: KafkaProducerConfiguration(client: client), logger: TestKafka.logger)
        }
        #expect(error?.message.contains("ssl.ca.location failed") == true, "\(String(describing: error))")
    }
}

/// Keeps every log line, so a test can look for librdkafka's reason.
final class RecordedLog: Sendable {
    private let recorded = Mutex<[String]>([])

    var lines: [String] { recorded.withLock { $0 } }

    var logger: Logger {
        Logger(label: "test.recorded") { _ in Handler(log: self) }
    }

    struct Handler: LogHandler {
        let log: RecordedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let text = "\(event.level): \(event.message)"
            log.recorded.withLock { $0.append(text) }
        }
    }
}
