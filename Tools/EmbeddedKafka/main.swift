// The embedded Kafka broker for development: librdkafka's mock cluster on loopback,
// with the suite's topics created. It prints its bootstrap address (and writes it to
// --bootstrap-file) and runs until SIGTERM or SIGINT.
//
// Fault control, for tests that run it as a separate process (the fault matrix):
//   SIGUSR1  takes every broker down: new connections are refused and open ones dropped;
//   SIGUSR2  brings every broker up again.
// Each is acknowledged on stdout with a line `embedded-kafka brokers down` / `… up`, so a
// test that reads the output knows when the change took effect. Data and partition
// leadership stay as they were (librdkafka's rd_kafka_mock_broker_set_down/up).
//
// Limits: memory only; each partition keeps at most 5 MiB or 100,000 message sets
// and drops the oldest; the first consumer-group join takes about 3 s; plaintext only.
// Production uses Apache Kafka (see compose/).

import Contracts
import EmbeddedBroker
import Foundation
import Logging
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
    // Trap the signals before anyone can learn the address: a SIGUSR1 sent as soon as the
    // bootstrap line appears would otherwise meet the default action and end the process.
    let signals = await UnixSignalsSequence(trapping: .sigterm, .sigint, .sigusr1, .sigusr2)
    let cluster = try MockKafkaCluster(brokers: options.brokers, logger: logger)
    for topic in Topics.all {
        try cluster.createTopic(topic, partitions: options.partitions, replicationFactor: options.brokers)
    }
    if let path = options.bootstrapFile {
        try (cluster.bootstrapServers + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
    FileHandle.standardOutput.write(Data("embedded-kafka bootstrap=\(cluster.bootstrapServers) brokers=\(options.brokers) topics=\(Topics.all.count)\n".utf8))
    // stdout may be a file or a pipe: flush each acknowledgement so a reader sees it at once.
    func announce(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
    for await signal in signals {
        if signal == .sigusr1 {
            cluster.setAllBrokersDown()
            announce("embedded-kafka brokers down")
        } else if signal == .sigusr2 {
            cluster.setAllBrokersUp()
            announce("embedded-kafka brokers up")
        } else {
            announce("embedded-kafka stopping on \(signal)")
            break
        }
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
