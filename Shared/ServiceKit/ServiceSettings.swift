import Access
import Contracts
import Foundation
import Logging
import Messaging
import Persistence
import ServiceCatalogue

/// A service's settings, read from environment variables.
///
/// Each setting `X` is looked up as `<PREFIX>_X` (e.g. `REGISTRY_HTTP_PORT`), then
/// as `CIVIL_X` (shared by every service on one host), then falls back to a
/// default that works with `scripts/demo`'s embedded stack.
public struct ServiceSettings: Sendable {
    public var domain: Domain
    public var httpHost: String
    public var httpPort: Int
    public var database: DatabaseConfiguration
    public var kafkaBootstrap: String
    public var kafkaPartitions: Int
    public var kafkaReplication: Int
    /// The secret behind `PersonRef`s; the same on every service.
    public var personRefKeyHex: String
    public var logLevel: Logger.Level
    public var consumerSessionTimeoutMs: Int
    /// `embedded` for librdkafka's mock cluster (`scripts/lib/common.sh` sets it with the embedded
    /// broker); `standard` (the default) keeps librdkafka's defaults for Apache Kafka.
    public var kafkaProducerProfile: KafkaProducerConfiguration.Profile
    /// Readiness fails once the oldest unpublished outbox row is older than this.
    public var outboxMaxLagSeconds: Int
    /// How long a graceful shutdown may take before the remaining work is cancelled.
    public var shutdownGraceSeconds: Int
    /// JWKS or PEM files with the keys bearer tokens are verified with (`JWT_KEYS_FILE`, several
    /// separated by commas for rotation); empty when none is configured.
    public var jwtKeysFiles: [String]
    /// The `iss` and `aud` a token must carry.
    public var jwtIssuer: String
    public var jwtAudience: String

    /// The catalogue's port; 8080 for a domain without a service of its own.
    public static func defaultPort(for domain: Domain) -> Int {
        ServiceCatalogue.entry(for: domain)?.port ?? 8080
    }

    /// A development key so the demo runs without setup; production must set `CIVIL_PERSON_REF_KEY`.
    public static let developmentPersonRefKey = String(repeating: "0123456789abcdef", count: 4)

    public init(domain: Domain, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let reader = EnvironmentReader(prefix: domain.rawValue.uppercased(), environment: environment)
        self.domain = domain
        httpHost = reader.string("HTTP_HOST", default: "127.0.0.1")
        httpPort = try reader.int("HTTP_PORT", default: Self.defaultPort(for: domain))
        database = DatabaseConfiguration(
            host: reader.string("DB_HOST", default: "127.0.0.1"),
            port: try reader.int("DB_PORT", default: 5432),
            username: reader.string("DB_USER", default: "civil"),
            password: reader.string("DB_PASSWORD", default: "civil"),
            database: reader.string("DB_NAME", default: domain.rawValue),
            maximumConnections: try reader.int("DB_MAX_CONNECTIONS", default: 20)
        )
        kafkaBootstrap = reader.string("KAFKA_BOOTSTRAP", default: "127.0.0.1:9092")
        kafkaPartitions = try reader.int("KAFKA_PARTITIONS", default: 6)
        kafkaReplication = try reader.int("KAFKA_REPLICATION", default: 3)
        personRefKeyHex = reader.string("PERSON_REF_KEY", default: Self.developmentPersonRefKey)
        let level = reader.string("LOG_LEVEL", default: "info")
        guard let parsed = Logger.Level(rawValue: level) else {
            throw SettingsError.invalid(name: reader.name("LOG_LEVEL"), value: level, expected: "trace|debug|info|notice|warning|error|critical")
        }
        logLevel = parsed
        consumerSessionTimeoutMs = try reader.int("KAFKA_SESSION_TIMEOUT_MS", default: 10_000)
        outboxMaxLagSeconds = try reader.int("OUTBOX_MAX_LAG_SECONDS", default: 60)
        shutdownGraceSeconds = try reader.int("SHUTDOWN_GRACE_SECONDS", default: 10)
        let profile = reader.string("KAFKA_PRODUCER_PROFILE", default: KafkaProducerConfiguration.Profile.standard.rawValue)
        guard let parsedProfile = KafkaProducerConfiguration.Profile(rawValue: profile) else {
            throw SettingsError.invalid(name: reader.name("KAFKA_PRODUCER_PROFILE"), value: profile, expected: "standard|embedded")
        }
        kafkaProducerProfile = parsedProfile
        jwtKeysFiles = reader.string("JWT_KEYS_FILE", default: "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        jwtIssuer = reader.string("JWT_ISSUER", default: TokenDefaults.issuer)
        jwtAudience = reader.string("JWT_AUDIENCE", default: TokenDefaults.audience)
    }

    /// A verifier with the configured keys; nil when `JWT_KEYS_FILE` is not set.
    public func tokenVerifier() async throws -> TokenVerifier? {
        guard !jwtKeysFiles.isEmpty else { return nil }
        return try await TokenVerifier.load(
            keyFiles: jwtKeysFiles, configuration: .init(issuer: jwtIssuer, audience: jwtAudience))
    }

    /// The producer settings for this service's broker (see `kafkaProducerProfile`).
    public var kafkaProducer: KafkaProducerConfiguration {
        KafkaProducerConfiguration(client: kafkaClient).applying(kafkaProducerProfile)
    }

    public var kafkaClient: KafkaClientConfiguration {
        KafkaClientConfiguration(bootstrapServers: kafkaBootstrap, clientID: "civil-\(domain.rawValue)")
    }
}

public enum SettingsError: Error, CustomStringConvertible {
    case invalid(name: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .invalid(let name, let value, let expected): "\(name)=\(value) is invalid: expected \(expected)"
        }
    }
}

struct EnvironmentReader {
    let prefix: String
    let environment: [String: String]

    func name(_ key: String) -> String { "\(prefix)_\(key)" }

    func string(_ key: String, default fallback: String) -> String {
        environment["\(prefix)_\(key)"] ?? environment["CIVIL_\(key)"] ?? fallback
    }

    func int(_ key: String, default fallback: Int) throws -> Int {
        let text = string(key, default: String(fallback))
        guard let value = Int(text) else { throw SettingsError.invalid(name: name(key), value: text, expected: "an integer") }
        return value
    }
}
