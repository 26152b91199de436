import ArgumentParser
import Foundation
import ServiceCatalogue

enum Catalogue {
    /// The entries named by executable, in catalogue order; all of them when none is named.
    static func select(_ names: [String]) throws -> [CatalogueEntry] {
        for name in names where ServiceCatalogue.entry(named: name) == nil {
            throw CivilError("unknown service \(name); one of \(ServiceCatalogue.all.map(\.executable).joined(separator: ", "))")
        }
        return names.isEmpty ? ServiceCatalogue.all : ServiceCatalogue.all.filter { names.contains($0.executable) }
    }
}

/// `civil services`: the catalogue, as a table or JSON.
struct Services: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the services: executable, port, database, topics.")

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        if json {
            let rows: [[String: Any]] = ServiceCatalogue.all.map { entry in
                ["domain": entry.domain.rawValue, "executable": entry.executable, "port": entry.port, "database": entry.database,
                 "publishes": entry.publishes, "consumes": entry.consumedTopics, "deadLetter": entry.deadLetterTopic,
                 "summary": entry.summary]
            }
            let data = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
            report(String(decoding: data, as: UTF8.self))
            return
        }
        func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
        report("\(pad("EXECUTABLE", 18)) \(pad("PORT", 5)) \(pad("DATABASE", 16)) \(pad("PUBLISHES", 26)) CONSUMES")
        for entry in ServiceCatalogue.all {
            report("\(pad(entry.executable, 18)) \(pad(String(entry.port), 5)) \(pad(entry.database, 16)) \(pad(entry.publishes, 26)) "
                  + (entry.consumedTopics.isEmpty ? "-" : entry.consumedTopics.joined(separator: ", ")))
        }
    }
}

/// `civil compose`: the blocks `compose/docker-compose.yml`, `compose/postgres-init` and
/// `compose/kafka-sasl-ssl.yml` need.
struct Compose: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the compose service blocks, database statements and Kafka users the catalogue implies.")

    @Argument(help: "Executables (default: every service).")
    var services: [String] = []

    func run() throws {
        let entries = try Catalogue.select(services)
        report("# compose/docker-compose.yml, under services:")
        for entry in entries { report(ComposeBlock.service(entry)) }
        report("-- compose/postgres-init/01-databases.sql (with \\getenv <db>_password <PREFIX>_DB_PASSWORD):")
        for entry in entries { report(ComposeBlock.database(entry)) }
        report("# compose/kafka-sasl-ssl.yml, under services:")
        for entry in entries { report(ComposeBlock.kafkaSASLService(entry)) }
        report("# compose/kafka-sasl-ssl.yml, under secrets:")
        for entry in entries { report(ComposeBlock.kafkaSASLSecret(entry)) }
    }
}

/// `civil seed <service> [arguments…]`: a service's realistic seed against the local stack.
struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load a service's seed (registry: --year N; assistance) into the local stack.")

    @Argument(help: "registry or assistance")
    var service: String

    @Argument(parsing: .captureForPassthrough, help: "Arguments for the service's seed command.")
    var arguments: [String] = []

    func run() async throws {
        let stack = try LocalStack.current()
        guard let entry = ServiceCatalogue.entry(named: service) else { throw CivilError("unknown service \(service)") }
        let bootstrap = Broker.bootstrap(stack) ?? "127.0.0.1:9092"
        let status = try Tool.run(stack.binaries.appendingPathComponent(entry.executable), ["seed"] + arguments,
                                  environment: stack.serviceEnvironment(for: entry, bootstrap: bootstrap))
        guard status == 0 else { throw ExitCode(status) }
    }
}

/// Runs a command in the foreground, sharing this terminal.
enum Tool {
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String]) throws -> Int32 {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
