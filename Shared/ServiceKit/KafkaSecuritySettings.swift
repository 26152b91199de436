import Foundation
import Messaging

/// Reads `KAFKA_SECURITY_PROTOCOL`, `KAFKA_SASL_*` and `KAFKA_SSL_*` and refuses, at start-up and
/// naming the setting, what librdkafka would only report once it tried to connect (or never:
/// a username without a SASL protocol is silently ignored).
extension KafkaSecurity {
    init(reading reader: EnvironmentReader) throws {
        let protocolText = reader.optional("KAFKA_SECURITY_PROTOCOL") ?? SecurityProtocol.plaintext.rawValue
        // Java clients spell it SASL_SSL; librdkafka accepts either case, so do we.
        guard let parsedProtocol = SecurityProtocol(rawValue: protocolText.lowercased()) else {
            throw SettingsError.invalid(name: reader.source("KAFKA_SECURITY_PROTOCOL"), value: protocolText,
                                        expected: SecurityProtocol.allCases.map(\.rawValue).joined(separator: "|"))
        }
        var mechanism: SASLMechanism?
        if let text = reader.optional("KAFKA_SASL_MECHANISM") {
            guard let parsed = SASLMechanism(rawValue: text.uppercased()) else {
                throw SettingsError.invalid(name: reader.source("KAFKA_SASL_MECHANISM"), value: text,
                                            expected: SASLMechanism.allCases.map(\.rawValue).joined(separator: "|"))
            }
            mechanism = parsed
        }
        self.init(
            securityProtocol: parsedProtocol, saslMechanism: mechanism,
            saslUsername: reader.optional("KAFKA_SASL_USERNAME"), saslPassword: try reader.optionalSecret("KAFKA_SASL_PASSWORD"),
            caFile: reader.optional("KAFKA_SSL_CA_FILE"), certificateFile: reader.optional("KAFKA_SSL_CERTIFICATE_FILE"),
            keyFile: reader.optional("KAFKA_SSL_KEY_FILE"), keyPassword: try reader.optionalSecret("KAFKA_SSL_KEY_PASSWORD"))
        try check(reader)
    }

    /// Settings that contradict the protocol, or that it needs and lacks.
    private func check(_ reader: EnvironmentReader) throws {
        let protocolSetting = "\(reader.source("KAFKA_SECURITY_PROTOCOL"))=\(securityProtocol.rawValue)"
        let sasl: [(key: String, value: String?)] = [
            ("KAFKA_SASL_MECHANISM", saslMechanism?.rawValue), ("KAFKA_SASL_USERNAME", saslUsername),
            ("KAFKA_SASL_PASSWORD", saslPassword),
        ]
        let tls: [(key: String, value: String?)] = [
            ("KAFKA_SSL_CA_FILE", caFile), ("KAFKA_SSL_CERTIFICATE_FILE", certificateFile),
            ("KAFKA_SSL_KEY_FILE", keyFile), ("KAFKA_SSL_KEY_PASSWORD", keyPassword),
        ]
        if securityProtocol.usesSASL {
            for setting in sasl where setting.value == nil {
                let detail = switch setting.key {
                case "KAFKA_SASL_MECHANISM": " (" + SASLMechanism.allCases.map(\.rawValue).joined(separator: "|") + ")"
                case "KAFKA_SASL_PASSWORD": " (or its _FILE)"
                default: ""
                }
                throw SettingsError.inconsistent(name: reader.source(setting.key),
                                                 problem: "is not set, and \(protocolSetting) needs it\(detail)")
            }
        } else if let stray = sasl.first(where: { $0.value != nil }) {
            throw SettingsError.inconsistent(name: reader.source(stray.key),
                                             problem: "is set, but \(protocolSetting) does not use SASL: set sasl_ssl, or remove it")
        }
        guard securityProtocol.usesTLS else {
            if let stray = tls.first(where: { $0.value != nil }) {
                throw SettingsError.inconsistent(name: reader.source(stray.key),
                                                 problem: "is set, but \(protocolSetting) does not use TLS: set ssl or sasl_ssl, or remove it")
            }
            return
        }
        if (certificateFile == nil) != (keyFile == nil) {
            let missing = certificateFile == nil ? "KAFKA_SSL_CERTIFICATE_FILE" : "KAFKA_SSL_KEY_FILE"
            throw SettingsError.inconsistent(name: reader.source(missing),
                                             problem: "is not set: a client certificate needs both the certificate and its key")
        }
        if keyPassword != nil, keyFile == nil {
            throw SettingsError.inconsistent(name: reader.source("KAFKA_SSL_KEY_PASSWORD"), problem: "is set without KAFKA_SSL_KEY_FILE")
        }
        // A missing CA file would otherwise surface as librdkafka's "ssl.ca.location failed" when the
        // first client is created, naming none of our settings. (A directory of CAs is allowed.)
        for (key, path) in [("KAFKA_SSL_CA_FILE", caFile), ("KAFKA_SSL_CERTIFICATE_FILE", certificateFile),
                            ("KAFKA_SSL_KEY_FILE", keyFile)] {
            guard let path else { continue }
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw SettingsError.unreadableFile(name: reader.source(key), path: path)
            }
        }
    }
}
