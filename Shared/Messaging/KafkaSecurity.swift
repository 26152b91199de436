/// How a service's Kafka clients encrypt their connections and authenticate to the brokers:
/// librdkafka's `security.protocol`, `sasl.*` and `ssl.*` properties.
///
/// It lives in `KafkaClientConfiguration`, so the producer, the consumer, the readiness probe,
/// the topic admin and the dead-letter producer all connect the same way. Its `description` and
/// its mirror (`dump`, `print`) never show the passwords.
public struct KafkaSecurity: Sendable, Equatable {
    /// librdkafka's `security.protocol`.
    public enum SecurityProtocol: String, Sendable, CaseIterable {
        case plaintext
        case ssl
        case saslPlaintext = "sasl_plaintext"
        case saslSSL = "sasl_ssl"

        public var usesSASL: Bool { self == .saslPlaintext || self == .saslSSL }
        public var usesTLS: Bool { self == .ssl || self == .saslSSL }
    }

    /// The SASL mechanisms Apache Kafka offers with a username and a password (`sasl.mechanisms`).
    public enum SASLMechanism: String, Sendable, CaseIterable {
        case plain = "PLAIN"
        case scramSHA256 = "SCRAM-SHA-256"
        case scramSHA512 = "SCRAM-SHA-512"
    }

    public var securityProtocol: SecurityProtocol
    public var saslMechanism: SASLMechanism?
    public var saslUsername: String?
    public var saslPassword: String?
    /// PEM file (or directory) of the CAs the brokers' certificates are checked against
    /// (`ssl.ca.location`); nil uses the system's CAs.
    public var caFile: String?
    /// Client certificate and private key (PEM) for brokers that require mutual TLS.
    public var certificateFile: String?
    public var keyFile: String?
    /// The passphrase of an encrypted `keyFile`.
    public var keyPassword: String?

    /// librdkafka's default, and what the embedded broker speaks.
    public static let plaintext = KafkaSecurity(securityProtocol: .plaintext)

    /// librdkafka properties whose values are secrets: never logged, never in an error message.
    public static let sensitiveProperties: Set<String> = ["sasl.password", "ssl.key.password"]

    public init(
        securityProtocol: SecurityProtocol,
        saslMechanism: SASLMechanism? = nil,
        saslUsername: String? = nil,
        saslPassword: String? = nil,
        caFile: String? = nil,
        certificateFile: String? = nil,
        keyFile: String? = nil,
        keyPassword: String? = nil
    ) {
        self.securityProtocol = securityProtocol
        self.saslMechanism = saslMechanism
        self.saslUsername = saslUsername
        self.saslPassword = saslPassword
        self.caFile = caFile
        self.certificateFile = certificateFile
        self.keyFile = keyFile
        self.keyPassword = keyPassword
    }

    /// The librdkafka properties for these settings: `security.protocol` always (its default,
    /// `plaintext`, changes nothing), the others only when set. Whether they fit together is
    /// checked where they are read (`ServiceSettings`), which can name the setting to fix.
    public var properties: [String: String] {
        var props = ["security.protocol": securityProtocol.rawValue]
        props["sasl.mechanisms"] = saslMechanism?.rawValue
        props["sasl.username"] = saslUsername
        props["sasl.password"] = saslPassword
        props["ssl.ca.location"] = caFile
        props["ssl.certificate.location"] = certificateFile
        props["ssl.key.location"] = keyFile
        props["ssl.key.password"] = keyPassword
        return props
    }
}

extension KafkaSecurity: CustomStringConvertible, CustomReflectable {
    public var description: String {
        let shown = properties.sorted { $0.key < $1.key }
            .map { "\($0.key)=\(Self.sensitiveProperties.contains($0.key) ? Self.redacted : $0.value)" }
        return "KafkaSecurity(\(shown.joined(separator: ", ")))"
    }

    /// What `dump` and the default description of an enclosing struct show: the passwords redacted.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "securityProtocol": securityProtocol, "saslMechanism": saslMechanism as Any,
            "saslUsername": saslUsername as Any, "saslPassword": saslPassword.map { _ in Self.redacted } as Any,
            "caFile": caFile as Any, "certificateFile": certificateFile as Any, "keyFile": keyFile as Any,
            "keyPassword": keyPassword.map { _ in Self.redacted } as Any,
        ], displayStyle: .struct)
    }

    static let redacted = "<redacted>"
}
