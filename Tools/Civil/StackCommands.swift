import ArgumentParser
import Foundation
import ServiceCatalogue
#if canImport(Glibc)
import Glibc
#endif

/// `civil start`: the embedded broker, then every service (or the named ones), each waited for
/// until `/health/ready` answers.
struct Start: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start the embedded broker and the services on the local PostgreSQL.")

    @Argument(help: "Executables to start (default: every service in the catalogue).")
    var services: [String] = []

    @Flag(help: "Run the demo scenario once everything is ready.")
    var demo = false

    @Flag(inversion: .prefixedNo, help: "With --demo: load the Registry's, Assistance's and ElderCare's realistic seeds.")
    var seed = true

    @Flag(help: "Start only the embedded broker (for the roster benchmark).")
    var brokerOnly = false

    func run() async throws {
        let stack = try LocalStack.current()
        let entries = brokerOnly ? [] : try Catalogue.select(services)
        // Check every port first, so a busy one fails before anything starts.
        for entry in entries where stack.runningPID(entry.executable) == nil {
            if let reply = try? await HTTP.get(stack.url(of: entry).appendingPathComponent("health/live")), reply.status > 0 {
                throw CivilError("port \(try stack.port(of: entry)) (for \(entry.executable)) is in use; free it or set CIVIL_PORT_BASE")
            }
        }
        let bootstrap = try await Broker.start(stack)
        for entry in entries {
            let port = try stack.port(of: entry)
            let pid: Int32
            if let running = stack.runningPID(entry.executable) {
                report("==> \(entry.executable) already running (pid \(running)) on port \(port)")
                pid = running
            } else {
                report("==> Starting \(entry.executable) on http://127.0.0.1:\(port)")
                pid = try await stack.startDetached(entry.executable, executable: stack.binaries.appendingPathComponent(entry.executable),
                                              environment: stack.serviceEnvironment(for: entry, bootstrap: bootstrap))
            }
            let ready = await HTTP.waitUntilOK(try stack.url(of: entry).appendingPathComponent("health/ready"), timeout: .seconds(90)) {
                kill(pid, 0) == 0
            }
            guard ready else {
                report(stack.logTail(entry.executable))
                throw CivilError("\(entry.executable) did not become ready (log: .run/logs/\(entry.executable).log)")
            }
            report("    \(entry.executable) ready (pid \(pid))")
        }
        if demo { try await DemoScenario(stack: stack, loadsSeeds: seed).run() }
        if !brokerOnly { try Status.printEndpoints(stack) }
    }
}

/// `civil stop`: the services in reverse order, then the broker. PostgreSQL stays (bash owns it).
struct Stop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Stop the services and the embedded broker.")

    func run() async throws {
        let stack = try LocalStack.current()
        report("==> Stopping services")
        for entry in ServiceCatalogue.all.reversed() { await stack.stop(entry.executable) }
        report("==> Stopping embedded Kafka broker")
        await stack.stop(Broker.name)
        try? FileManager.default.removeItem(at: stack.bootstrapFile)
    }
}

/// `civil status`: what runs, and whether each service is ready.
struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the broker and the services of the local stack.")

    func run() async throws {
        let stack = try LocalStack.current()
        if let pid = stack.runningPID(Broker.name) {
            report("  \(Broker.name.padding(toLength: 18, withPad: " ", startingAt: 0)) running  pid \(pid)  bootstrap \(Broker.bootstrap(stack) ?? "?")")
        } else {
            report("  \(Broker.name.padding(toLength: 18, withPad: " ", startingAt: 0)) stopped")
        }
        for entry in ServiceCatalogue.all {
            let name = entry.executable.padding(toLength: 18, withPad: " ", startingAt: 0)
            guard let pid = stack.runningPID(entry.executable) else { report("  \(name) stopped"); continue }
            let ready = (try? await HTTP.get(stack.url(of: entry).appendingPathComponent("health/ready")))?.status == 200
            report("  \(name) running  pid \(pid)  \(try stack.url(of: entry))  (\(ready ? "ready" : "not ready"))")
        }
    }

    static func printEndpoints(_ stack: LocalStack) throws {
        report("\nServices:")
        for entry in ServiceCatalogue.all {
            let name = entry.executable.padding(toLength: 18, withPad: " ", startingAt: 0)
            if stack.runningPID(entry.executable) != nil {
                let url = try stack.url(of: entry)
                report("  \(name) \(url)/health/ready   \(url)/metrics")
            } else {
                report("  \(name) (not running)")
            }
        }
        report("\nKafka bootstrap:    \(Broker.bootstrap(stack) ?? "(not running)")")
        report("PostgreSQL:         127.0.0.1:\((try? stack.databasePort()) ?? "?")")
    }
}

/// The embedded broker (`embedded-kafka`, librdkafka's mock cluster) of the local stack.
enum Broker {
    static let name = "embedded-kafka"

    static func bootstrap(_ stack: LocalStack) -> String? {
        guard let text = try? String(contentsOf: stack.bootstrapFile, encoding: .utf8) else { return nil }
        let line = text.split(separator: "\n").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
        return line.contains(":") ? line : nil
    }

    /// Starts the broker unless it runs, and returns its bootstrap address.
    static func start(_ stack: LocalStack) async throws -> String {
        if stack.runningPID(name) != nil, let address = bootstrap(stack) {
            report("==> Embedded Kafka already running at \(address)")
            return address
        }
        try? FileManager.default.removeItem(at: stack.bootstrapFile)
        report("==> Starting embedded Kafka broker")
        let pid = try await stack.startDetached(name, executable: stack.binaries.appendingPathComponent(name),
                                          arguments: ["--bootstrap-file", stack.bootstrapFile.path], environment: stack.environment)
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline, kill(pid, 0) == 0 {
            if let address = bootstrap(stack) {
                report("    embedded-kafka pid \(pid), bootstrap \(address)")
                return address
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        report(stack.logTail(name))
        await stack.stop(name)
        throw CivilError("embedded-kafka did not write its bootstrap address within 20 s")
    }
}
