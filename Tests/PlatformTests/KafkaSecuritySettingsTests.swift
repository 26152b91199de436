import Foundation
import Messaging
import ServiceKit
import Testing
import TestKit

/// `KAFKA_SECURITY_PROTOCOL`, `KAFKA_SASL_*` and `KAFKA_SSL_*` become librdkafka's properties for every
/// client of a service, contradictions are refused at start-up naming the setting, and the password
/// never shows in a description.
@Suite("Kafka security settings", .tags(.unit))
struct KafkaSecuritySettingsTests {
    /// A file in the temporary directory, removed by `remove`.
    static func file(_ contents: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kafka-\(UUID().uuidString)").path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func remove(_ paths: String...) {
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
    }

    /// The security part of the properties (everything but bootstrap, client id and statistics).
    static func securityProperties(_ properties: [String: String]) -> [String: String] {
        properties.filter { $0.key == "security.protocol" || $0.key.hasPrefix("sasl.") || $0.key.hasPrefix("ssl.") }
    }

    @Test func plaintextIsTheDefaultAndAddsNothingButTheProtocol() throws {
        let settings = try ServiceSettings(domain: .registry, environment: [:])
        #expect(settings.kafkaSecurity == .plaintext)
        #expect(Self.securityProperties(settings.kafkaClient.properties) == ["security.protocol": "plaintext"])
    }

    @Test func saslSSLWithScramAndAPasswordFileReachesEveryClient() throws {
        let password = try Self.file("kafka-s3cret\n")
        let ca = try Self.file("-----BEGIN CERTIFICATE-----\n")
        defer { Self.remove(password, ca) }
        let settings = try ServiceSettings(domain: .assistance, environment: [
            "CIVIL_KAFKA_SECURITY_PROTOCOL": "sasl_ssl", "CIVIL_KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
            "ASSISTANCE_KAFKA_SASL_USERNAME": "assistance", "ASSISTANCE_KAFKA_SASL_PASSWORD_FILE": password,
            "CIVIL_KAFKA_SSL_CA_FILE": ca,
        ])
        let expected = [
            "security.protocol": "sasl_ssl", "sasl.mechanisms": "SCRAM-SHA-512",
            "sasl.username": "assistance", "sasl.password": "kafka-s3cret", "ssl.ca.location": ca,
        ]
        #expect(settings.kafkaSecurity.properties == expected)
        // The producer (also the dead-letter producer), the consumer, the probe and the topic admin
        // are all built from `kafkaClient`.
        #expect(Self.securityProperties(settings.kafkaClient.properties) == expected)
        #expect(Self.securityProperties(settings.kafkaProducer.properties) == expected)
        let consumer = KafkaConsumerConfiguration(client: settings.kafkaClient, groupID: "g", topics: ["t"])
        #expect(Self.securityProperties(consumer.properties) == expected)
    }

    @Test func mutualTLSWithAnEncryptedKey() throws {
        let certificate = try Self.file("-----BEGIN CERTIFICATE-----\n")
        let key = try Self.file("-----BEGIN ENCRYPTED PRIVATE KEY-----\n")
        let keyPassword = try Self.file("key-pass")
        defer { Self.remove(certificate, key, keyPassword) }
        let settings = try ServiceSettings(domain: .registry, environment: [
            "CIVIL_KAFKA_SECURITY_PROTOCOL": "ssl", "CIVIL_KAFKA_SSL_CERTIFICATE_FILE": certificate,
            "CIVIL_KAFKA_SSL_KEY_FILE": key, "CIVIL_KAFKA_SSL_KEY_PASSWORD_FILE": keyPassword,
        ])
        #expect(settings.kafkaSecurity.properties == [
            "security.protocol": "ssl", "ssl.certificate.location": certificate, "ssl.key.location": key,
            "ssl.key.password": "key-pass",
        ])
    }

    @Test func javaSpellingsAreAcceptedAndTheServicePrefixWins() throws {
        let settings = try ServiceSettings(domain: .registry, environment: [
            "CIVIL_KAFKA_SECURITY_PROTOCOL": "SASL_PLAINTEXT", "CIVIL_KAFKA_SASL_MECHANISM": "scram-sha-256",
            "CIVIL_KAFKA_SASL_USERNAME": "shared", "REGISTRY_KAFKA_SASL_USERNAME": "registry",
            "CIVIL_KAFKA_SASL_PASSWORD": "pw",
            // Empty, as `${VAR:-}` in compose gives: unset.
            "CIVIL_KAFKA_SSL_CA_FILE": "",
        ])
        #expect(settings.kafkaSecurity.properties == [
            "security.protocol": "sasl_plaintext", "sasl.mechanisms": "SCRAM-SHA-256",
            "sasl.username": "registry", "sasl.password": "pw",
        ])
    }

    static let refusals: [(environment: [String: String], message: String)] = [
        (["CIVIL_KAFKA_SECURITY_PROTOCOL": "tls"],
         "CIVIL_KAFKA_SECURITY_PROTOCOL=tls is invalid: expected plaintext|ssl|sasl_plaintext|sasl_ssl"),
        (["REGISTRY_KAFKA_SECURITY_PROTOCOL": "sasl_ssl", "CIVIL_KAFKA_SASL_MECHANISM": "GSSAPI"],
         "CIVIL_KAFKA_SASL_MECHANISM=GSSAPI is invalid: expected PLAIN|SCRAM-SHA-256|SCRAM-SHA-512"),
        (["REGISTRY_KAFKA_SECURITY_PROTOCOL": "sasl_ssl"],
         "CIVIL_KAFKA_SASL_MECHANISM is not set, and REGISTRY_KAFKA_SECURITY_PROTOCOL=sasl_ssl needs it (PLAIN|SCRAM-SHA-256|SCRAM-SHA-512)"),
        (["CIVIL_KAFKA_SECURITY_PROTOCOL": "sasl_ssl", "CIVIL_KAFKA_SASL_MECHANISM": "PLAIN"],
         "CIVIL_KAFKA_SASL_USERNAME is not set, and CIVIL_KAFKA_SECURITY_PROTOCOL=sasl_ssl needs it"),
        (["CIVIL_KAFKA_SECURITY_PROTOCOL": "sasl_ssl", "CIVIL_KAFKA_SASL_MECHANISM": "PLAIN", "CIVIL_KAFKA_SASL_USERNAME": "u"],
         "CIVIL_KAFKA_SASL_PASSWORD is not set, and CIVIL_KAFKA_SECURITY_PROTOCOL=sasl_ssl needs it (or its _FILE)"),
        (["CIVIL_KAFKA_SASL_USERNAME": "registry"],
         "CIVIL_KAFKA_SASL_USERNAME is set, but CIVIL_KAFKA_SECURITY_PROTOCOL=plaintext does not use SASL: set sasl_ssl, or remove it"),
        (["CIVIL_KAFKA_SECURITY_PROTOCOL": "sasl_plaintext", "CIVIL_KAFKA_SASL_MECHANISM": "PLAIN",
          "CIVIL_KAFKA_SASL_USERNAME": "u", "CIVIL_KAFKA_SASL_PASSWORD": "p", "CIVIL_KAFKA_SSL_CA_FILE": "/etc/ssl/ca.pem"],
         "CIVIL_KAFKA_SSL_CA_FILE is set, but CIVIL_KAFKA_SECURITY_PROTOCOL=sasl_plaintext does not use TLS: set ssl or sasl_ssl, or remove it"),
        (["CIVIL_KAFKA_SECURITY_PROTOCOL": "ssl", "CIVIL_KAFKA_SSL_CA_FILE": "/nonexistent/ca.pem"],
         "CIVIL_KAFKA_SSL_CA_FILE=/nonexistent/ca.pem: the file cannot be read"),
        (["CIVIL_KAFKA_SECURITY_PROTOCOL": "ssl", "CIVIL_KAFKA_SSL_CERTIFICATE_FILE": "/etc/hostname"],
         "CIVIL_KAFKA_SSL_KEY_FILE is not set: a client certificate needs both the certificate and its key"),
        (["CIVIL_KAFKA_SECURITY_PROTOCOL": "sasl_ssl", "CIVIL_KAFKA_SASL_MECHANISM": "PLAIN", "CIVIL_KAFKA_SASL_USERNAME": "u",
          "CIVIL_KAFKA_SASL_PASSWORD_FILE": "/nonexistent/password"],
         "REGISTRY_KAFKA_SASL_PASSWORD_FILE=/nonexistent/password: the file cannot be read"),
    ]

    @Test(arguments: refusals)
    func contradictionsAreRefusedNamingTheSetting(environment: [String: String], message: String) {
        let error = #expect(throws: SettingsError.self) {
            try ServiceSettings(domain: .registry, environment: environment)
        }
        #expect(error?.description == message)
    }

    @Test func thePasswordsNeverShow() throws {
        let settings = try ServiceSettings(domain: .registry, environment: [
            "CIVIL_KAFKA_SECURITY_PROTOCOL": "sasl_ssl", "CIVIL_KAFKA_SASL_MECHANISM": "PLAIN",
            "CIVIL_KAFKA_SASL_USERNAME": "registry", "CIVIL_KAFKA_SASL_PASSWORD": "hunter2-kafka",
        ])
        var dumped = ""
        dump(settings.kafkaProducer, to: &dumped)
        let shown = [
            settings.kafkaSecurity.description, String(reflecting: settings.kafkaSecurity),
            String(describing: settings.kafkaClient), String(describing: settings.kafkaProducer), dumped,
        ]
        for text in shown {
            #expect(!text.contains("hunter2-kafka"), "\(text)")
        }
        #expect(settings.kafkaSecurity.description
            == "KafkaSecurity(sasl.mechanisms=PLAIN, sasl.password=<redacted>, sasl.username=registry, security.protocol=sasl_ssl)")
    }

    /// Plaintext is allowed in production (Kafka on an isolated network), but logged as a warning.
    @Test func productionWarnsAboutPlaintextWithoutRefusingIt() throws {
        let secrets = [
            "CIVIL_ENV": "production", "CIVIL_PERSON_REF_KEY": String(repeating: "5a", count: 32),
            "CIVIL_JWT_KEYS_FILE": "/etc/civil/idp-jwks.json", "CIVIL_JWT_ISSUER": "https://idp.example.gov.cn",
        ]
        let plaintext = try ServiceSettings(domain: .registry, environment: secrets)
        #expect(plaintext.productionProblems == [])
        #expect(plaintext.productionWarnings.count == 1)
        #expect(plaintext.productionWarnings.first?.hasPrefix("CIVIL_KAFKA_SECURITY_PROTOCOL=plaintext: ") == true)

        let sasl = try ServiceSettings(domain: .registry, environment: secrets.merging([
            "CIVIL_KAFKA_SECURITY_PROTOCOL": "sasl_ssl", "CIVIL_KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
            "CIVIL_KAFKA_SASL_USERNAME": "registry", "CIVIL_KAFKA_SASL_PASSWORD": "pw",
        ]) { _, new in new })
        #expect(sasl.productionWarnings == [])
    }
}
