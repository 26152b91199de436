import Foundation
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// The `embedded-kafka` executable as a child process: the same broker the demo runs,
/// in a process of its own so a test can take every broker down and up again with
/// SIGUSR1/SIGUSR2 (see Tools/EmbeddedKafka/main.swift).
public final class EmbeddedKafkaProcess: Sendable {
    public let bootstrap: String
    public let partitions: Int
    let process: ChildProcess

    public static func start(binaries: String, directory: String, partitions: Int) async throws -> EmbeddedKafkaProcess {
        let bootstrapFile = directory + "/kafka.bootstrap"
        let process = try await ChildProcess.start(
            name: "embedded-kafka", executable: binaries + "/embedded-kafka",
            arguments: ["--partitions", String(partitions), "--bootstrap-file", bootstrapFile],
            environment: ChildEnvironment.base(), logPath: directory + "/embedded-kafka.log")
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOfFile: bootstrapFile, encoding: .utf8),
               case let line = text.trimmingCharacters(in: .whitespacesAndNewlines), !line.isEmpty {
                return EmbeddedKafkaProcess(bootstrap: line, partitions: partitions, process: process)
            }
            guard process.isRunning else { throw HarnessSetupError.timeout("embedded-kafka exited:\n\(process.logTail())") }
            try await Task.sleep(for: .milliseconds(50))
        }
        await process.kill()
        throw HarnessSetupError.timeout("embedded-kafka wrote no bootstrap address in 20 s:\n\(process.logTail())")
    }

    private init(bootstrap: String, partitions: Int, process: ChildProcess) {
        self.bootstrap = bootstrap
        self.partitions = partitions
        self.process = process
    }

    /// Every broker refuses connections and drops open ones; returns once the broker acknowledged it.
    public func brokersDown() async throws { try await signal(SIGUSR1, acknowledgement: "embedded-kafka brokers down") }

    public func brokersUp() async throws { try await signal(SIGUSR2, acknowledgement: "embedded-kafka brokers up") }

    public func stop() async { await process.terminate(grace: .seconds(10)) }

    private func signal(_ signal: Int32, acknowledgement: String) async throws {
        let before = acknowledgements(acknowledgement)
        process.signal(signal)
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if acknowledgements(acknowledgement) > before { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw HarnessSetupError.timeout("embedded-kafka did not acknowledge signal \(signal):\n\(process.logTail())")
    }

    private func acknowledgements(_ line: String) -> Int {
        guard let text = try? String(contentsOfFile: process.logPath, encoding: .utf8) else { return 0 }
        return text.components(separatedBy: line).count - 1
    }
}
