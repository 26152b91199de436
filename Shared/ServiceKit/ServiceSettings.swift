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
    /// TLS and SASL towards the brokers (`KAFKA_SECURITY_PROTOCOL`, `KAFKA_SASL_*`, `KAFKA_SSL_*`);
    /// plaintext by default, which is what the embedded broker speaks.
    public var kafkaSecurity: KafkaSecurity
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
            password: try reader.secret("DB_PASSWORD", default: "civil"),
            database: reader.string("DB_NAME", default: domain.rawValue),
            maximumConnections: try reader.int("DB_MAX_CONNECTIONS", default: 20)
        )
        kafkaBootstrap = reader.string("KAFKA_BOOTSTRAP", default: "127.0.0.1:9092")
        kafkaPartitions = try reader.int("KAFKA_PARTITIONS", default: 6)
        kafkaReplication = try reader.int("KAFKA_REPLICATION", default: 3)
        kafkaSecurity = try KafkaSecurity(reading: reader)
        personRefKeyHex = try reader.secret("PERSON_REF_KEY", default: Self.developmentPersonRefKey)
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
        let mode = reader.string("ENV", default: Mode.development.rawValue)
        guard let parsedMode = Mode(rawValue: mode) else {
            throw SettingsError.invalid(name: reader.name("ENV"), value: mode, expected: "development|production")
        }
        self.mode = parsedMode
    }

    /// `CIVIL_ENV`: `production` refuses to start with a development secret (`productionProblems`).
    public enum Mode: String, Sendable {
        case development
        case production
    }

    public var mode: Mode

    /// What keeps these settings from running in production, each naming the setting to fix; empty
    /// when they may. Checked at start-up when `mode` is `production`.
    public var productionProblems: [String] {
        var problems: [String] = []
        if personRefKeyHex == Self.developmentPersonRefKey {
            problems.append("CIVIL_PERSON_REF_KEY (or its _FILE) is the public development key: set the bureau's secret, the same on every service")
        }
        if jwtKeysFiles.isEmpty {
            problems.append("CIVIL_JWT_KEYS_FILE is not set: name the identity provider's JWKS or PEM public keys")
        }
        if jwtIssuer == TokenDefaults.issuer {
            problems.append("CIVIL_JWT_ISSUER is the development issuer \(TokenDefaults.issuer): set the identity provider's issuer")
        }
        if jwtKeysFiles.contains(where: { $0.hasSuffix("\(TokenDefaults.developmentDirectory)/\(TokenDefaults.developmentJWKSFile)") }) {
            problems.append("CIVIL_JWT_KEYS_FILE names the development key set civil token writes: use the identity provider's keys")
        }
        return problems
    }

    /// What production may run with but should not, logged as warnings at start-up. A bureau may
    /// keep Kafka on an isolated network, so plaintext is allowed there, but never silently.
    public var productionWarnings: [String] {
        switch kafkaSecurity.securityProtocol {
        case .plaintext:
            ["CIVIL_KAFKA_SECURITY_PROTOCOL=plaintext: events (person refs, case amounts) travel to Kafka unencrypted and "
                + "the brokers accept any client; use sasl_ssl unless Kafka runs on an isolated network"]
        case .saslPlaintext:
            ["CIVIL_KAFKA_SECURITY_PROTOCOL=sasl_plaintext: events travel to Kafka unencrypted"
                + (kafkaSecurity.saslMechanism == .plain ? ", and so does the PLAIN password" : "") + "; use sasl_ssl"]
        case .ssl, .saslSSL:
            []
        }
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
        var client = KafkaClientConfiguration(bootstrapServers: kafkaBootstrap, clientID: "civil-\(domain.rawValue)")
        client.security = kafkaSecurity
        return client
    }
}

public enum SettingsError: Error, CustomStringConvertible {
    case invalid(name: String, value: String, expected: String)
    case unreadableSecret(name: String, path: String)
    /// A file a setting names (a CA or a certificate, not a secret) cannot be read.
    case unreadableFile(name: String, path: String)
    /// The setting `name` is missing or contradicts another one; `problem` ("is not set, and …") says how to fix it.
    case inconsistent(name: String, problem: String)
    case notReadyForProduction([String])
    case missing(name: String, expected: String)

    public var description: String {
        switch self {
        case .missing(let name, let expected): "\(name) is not set: give \(expected)"
        case .invalid(let name, let value, let expected): "\(name)=\(value) is invalid: expected \(expected)"
        case .unreadableSecret(let name, let path): "\(name)=\(path): the file cannot be read"
        case .unreadableFile(let name, let path): "\(name)=\(path): the file cannot be read"
        case .inconsistent(let name, let problem): "\(name) \(problem)"
        case .notReadyForProduction(let problems):
            "CIVIL_ENV=production, but:\n" + problems.map { "- \($0)" }.joined(separator: "\n")
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

    /// A secret: the contents of the file named by `<PREFIX>_<KEY>_FILE` or `CIVIL_<KEY>_FILE` (as
    /// container secrets are mounted; a final newline is dropped), else the variable itself.
    func secret(_ key: String, default fallback: String) throws -> String {
        let fileKey = "\(key)_FILE"
        guard let path = environment["\(prefix)_\(fileKey)"] ?? environment["CIVIL_\(fileKey)"] else {
            return string(key, default: fallback)
        }
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw SettingsError.unreadableSecret(name: name(fileKey), path: path)
        }
        return String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    /// A setting without a default; an empty value (as `${VAR:-}` in compose gives) counts as unset.
    func optional(_ key: String) -> String? {
        let value = environment["\(prefix)_\(key)"] ?? environment["CIVIL_\(key)"]
        return value?.isEmpty == false ? value : nil
    }

    /// `secret` for a setting without a default.
    func optionalSecret(_ key: String) throws -> String? {
        let fileKey = "\(key)_FILE"
        guard environment["\(prefix)_\(fileKey)"] ?? environment["CIVIL_\(fileKey)"] != nil else { return optional(key) }
        return try secret(key, default: "")
    }

    /// The variable that holds `key` (`<PREFIX>_X` before `CIVIL_X`), or `CIVIL_X` when neither
    /// is set: the name an error message should tell the operator to fix.
    func source(_ key: String) -> String {
        for name in ["\(prefix)_\(key)", "CIVIL_\(key)", "\(prefix)_\(key)_FILE", "CIVIL_\(key)_FILE"]
        where environment[name]?.isEmpty == false {
            return name
        }
        return "CIVIL_\(key)"
    }

    func int(_ key: String, default fallback: Int) throws -> Int {
        let text = string(key, default: String(fallback))
        guard let value = Int(text) else { throw SettingsError.invalid(name: name(key), value: text, expected: "an integer") }
        return value
    }
}
