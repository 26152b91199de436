import TestKit
import FaultHarness
import Foundation
import Logging
import PostgresNIO
import TestSupport
import Testing

/// The harness's own parts, checked before the matrix relies on them.
@Suite("Fault harness parts", .serialized, .tags(.faults))
struct ScratchStackTests {
    @Test("a scratch PostgreSQL cluster survives fast and immediate stops and is removed on destroy")
    func scratchPostgres() async throws {
        let logger = Logger(label: "test.scratch-pg")
        let cluster = try await ScratchPostgres.create(logger: logger)
        do {
            try await cluster.createDatabase("scratch")
            try await cluster.withConnection(database: "scratch") { connection in
                try await connection.query("CREATE TABLE kept (n int)", logger: logger)
                try await connection.query("INSERT INTO kept VALUES (1)", logger: logger)
            }
            for mode in [ScratchPostgres.StopMode.immediate, .fast] {
                await cluster.stop(mode)
                #expect(cluster.isRunning == false)
                await #expect(throws: (any Error).self) {
                    try await cluster.withConnection(database: "scratch") { _ in }
                }
                try await cluster.start()
                let rows = try await cluster.withConnection(database: "scratch") { connection in
                    var count = 0
                    for try await n in try await connection.query("SELECT n FROM kept", logger: logger).decode(Int.self) {
                        count += n
                    }
                    return count
                }
                #expect(rows == 1, "after a \(mode) stop")
            }
        } catch {
            await cluster.destroy()
            throw error
        }
        await cluster.destroy()
        #expect(cluster.isRunning == false)
        #expect(FileManager.default.fileExists(atPath: cluster.root) == false)
    }

    @Test("embedded-kafka acknowledges SIGUSR1 (all brokers down) and SIGUSR2 (all up)", .tags(.kafka))
    func brokerSignals() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ek-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let kafka = try await EmbeddedKafkaProcess.start(binaries: try BuildProducts.directory(), directory: directory, partitions: 2)
        do {
            try await kafka.brokersDown()
            try await kafka.brokersUp()
        } catch {
            await kafka.stop()
            throw error
        }
        await kafka.stop()
        #expect(kafka.bootstrap.contains(":"))
    }
}
