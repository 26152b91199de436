// The embedded Kafka broker for development: librdkafka's mock cluster on loopback,
// with the suite's topics created. It prints its bootstrap address (and writes it to
// --bootstrap-file) and runs until SIGTERM or SIGINT.
//
// Limits: memory only; each partition keeps at most 5 MiB or 100,000 message sets
// and drops the oldest; the first consumer-group join takes about 3 s; plaintext only.
// Production uses Apache Kafka (see compose/).

import Contracts
import Foundation
import Logging
import Messaging
import UnixSignals

struct Options {
    var brokers = 1
    var partitions = 6
    var bootstrapFile: String?

    init(arguments: [String]) throws {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--brokers": brokers = try Self.int(iterator.next(), for: argument)
            case "--partitions": partitions = try Self.int(iterator.next(), for: argument)
            case "--bootstrap-file":
                guard let path = iterator.next() else { throw UsageError(message: "--bootstrap-file needs a path") }
                bootstrapFile = path
            case "--help", "-h":
                throw UsageError(message: "usage: embedded-kafka [--brokers N] [--partitions N] [--bootstrap-file PATH]")
            default: throw UsageError(message: "unknown argument \(argument)")
            }
        }
    }

    static func int(_ text: String?, for name: String) throws -> Int {
        guard let text, let value = Int(text), value > 0 else { throw UsageError(message: "\(name) needs a positive number") }
        return value
    }
}

struct UsageError: Error { let message: String }

let logger = Logger(label: "civil.embedded-kafka")
do {
    let options = try Options(arguments: CommandLine.arguments)
    let cluster = try MockKafkaCluster(brokers: options.brokers, logger: logger)
    for topic in Topics.all {
        try cluster.createTopic(topic, partitions: options.partitions, replicationFactor: options.brokers)
    }
    if let path = options.bootstrapFile {
        try (cluster.bootstrapServers + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
    FileHandle.standardOutput.write(Data("embedded-kafka bootstrap=\(cluster.bootstrapServers) brokers=\(options.brokers) topics=\(Topics.all.count)\n".utf8))
    for await signal in await UnixSignalsSequence(trapping: .sigterm, .sigint) {
        print("embedded-kafka stopping on \(signal)")
        break
    }
    if let path = options.bootstrapFile { try? FileManager.default.removeItem(atPath: path) }
    withExtendedLifetime(cluster) {}
} catch let error as UsageError {
    FileHandle.standardError.write(Data((error.message + "\n").utf8))
    exit(2)
} catch {
    FileHandle.standardError.write(Data("embedded-kafka failed: \(error)\n".utf8))
    exit(1)
}
