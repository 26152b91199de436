import DevelopmentTokens
import Foundation
import ServiceCatalogue
#if canImport(Glibc)
import Glibc
#endif

/// The local stack under `<checkout>/.run` (git-ignored): the embedded broker and the services as
/// background processes, each with `.run/pids/<name>.pid` and `.run/logs/<name>.log`, on the
/// private PostgreSQL cluster `scripts/lib/common.sh` starts (its port in `.run/pg.port`).
struct LocalStack {
    let root: URL
    let binaries: URL
    let environment: [String: String]

    var runDirectory: URL { root.appendingPathComponent(".run") }
    var logs: URL { runDirectory.appendingPathComponent("logs") }
    var pids: URL { runDirectory.appendingPathComponent("pids") }
    var bootstrapFile: URL { runDirectory.appendingPathComponent("kafka.bootstrap") }
    var personRefKeyFile: URL { runDirectory.appendingPathComponent("person-ref.key") }

    /// The checkout holding the running `civil` binary's `.build`, or the current directory's.
    static func current() throws -> LocalStack {
        let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        var candidate: URL? = binaries
        while let directory = candidate, directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return LocalStack(root: directory, binaries: binaries, environment: ProcessInfo.processInfo.environment)
            }
            candidate = directory.deletingLastPathComponent()
        }
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        guard FileManager.default.fileExists(atPath: here.appendingPathComponent("Package.swift").path) else {
            throw CivilError("run civil from the checkout (no Package.swift above \(binaries.path))")
        }
        return LocalStack(root: here, binaries: binaries, environment: ProcessInfo.processInfo.environment)
    }

    // MARK: Ports and settings

    /// `CIVIL_PORT_BASE` moves every service's port by the same offset (8081 → base).
    func port(of entry: CatalogueEntry) throws -> Int {
        guard let text = environment["CIVIL_PORT_BASE"] else { return entry.port }
        guard let base = Int(text), (1...65_000).contains(base) else { throw CivilError("CIVIL_PORT_BASE must be a port number (got '\(text)')") }
        return entry.port - ServiceCatalogue.all[0].port + base
    }

    func url(of entry: CatalogueEntry) throws -> URL {
        guard let url = URL(string: "http://127.0.0.1:\(try port(of: entry))") else { throw CivilError("no URL for \(entry.executable)") }
        return url
    }

    /// The private cluster's port: `CIVIL_DB_PORT`, or what `scripts/lib/common.sh` wrote.
    func databasePort() throws -> String {
        if let port = environment["CIVIL_DB_PORT"] { return port }
        let text = (try? String(contentsOf: runDirectory.appendingPathComponent("pg.port"), encoding: .utf8)) ?? ""
        let port = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard Int(port) != nil else { throw CivilError("PostgreSQL port unknown: start it with scripts/demo (or set CIVIL_DB_PORT)") }
        return port
    }

    /// 64 hex characters, made once per `.run` directory: every service derives the same person refs.
    func personRefKey() throws -> String {
        if let text = try? String(contentsOf: personRefKeyFile, encoding: .utf8) {
            let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if key.count == 64, key.allSatisfy(\.isHexDigit) { return key }
        }
        var generator = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        try FileManager.default.createDirectory(at: runDirectory, withIntermediateDirectories: true)
        try Data((key + "\n").utf8).write(to: personRefKeyFile, options: .atomic)
        chmod(personRefKeyFile.path, 0o600)
        return key
    }

    /// What every service of the local stack reads (see `ServiceSettings`).
    func serviceEnvironment(for entry: CatalogueEntry, bootstrap: String) throws -> [String: String] {
        var variables = environment.filter { ["PATH", "HOME", "LANG", "TZ"].contains($0.key) || $0.key.hasPrefix("CIVIL_") }
        variables["CIVIL_DB_HOST"] = environment["CIVIL_DB_HOST"] ?? "127.0.0.1"
        variables["CIVIL_DB_PORT"] = try databasePort()
        variables["CIVIL_DB_USER"] = environment["CIVIL_DB_USER"] ?? "civil"
        variables["CIVIL_DB_PASSWORD"] = environment["CIVIL_DB_PASSWORD"] ?? "civil"
        variables["CIVIL_KAFKA_BOOTSTRAP"] = bootstrap
        // The embedded broker speaks plaintext only: TLS or SASL settings of the shell are not passed on.
        variables = variables.filter { key, _ in
            key != "CIVIL_KAFKA_SECURITY_PROTOCOL" && !key.hasPrefix("CIVIL_KAFKA_SASL_") && !key.hasPrefix("CIVIL_KAFKA_SSL_")
        }
        variables["CIVIL_KAFKA_REPLICATION"] = environment["CIVIL_KAFKA_REPLICATION"] ?? "1"
        // The embedded broker is librdkafka's mock cluster (see KafkaProducerConfiguration.Profile).
        variables["CIVIL_KAFKA_PRODUCER_PROFILE"] = environment["CIVIL_KAFKA_PRODUCER_PROFILE"] ?? "embedded"
        variables["CIVIL_PERSON_REF_KEY"] = try personRefKey()
        if environment["CIVIL_JWT_KEYS_FILE"] == nil {
            // The development key pair `civil token` and the demo sign with (made on first use).
            let issuer = DevelopmentTokenIssuer.localStack(root: root)
            _ = try issuer.keyPair()
            variables["CIVIL_JWT_KEYS_FILE"] = issuer.jwksFile.path
        }
        variables["\(entry.environmentPrefix)_DB_NAME"] = entry.database
        variables["\(entry.environmentPrefix)_HTTP_PORT"] = String(try port(of: entry))
        return variables
    }

    // MARK: Processes

    func pidFile(_ name: String) -> URL { pids.appendingPathComponent("\(name).pid") }
    func logFile(_ name: String) -> URL { logs.appendingPathComponent("\(name).log") }

    /// The pid in `.run/pids/<name>.pid` if that process is alive.
    func runningPID(_ name: String) -> Int32? {
        guard let text = try? String(contentsOf: pidFile(name), encoding: .utf8),
              let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), kill(pid, 0) == 0
        else { return nil }
        return pid
    }

    /// Starts `executable` in a session of its own (it outlives this command), output appended to
    /// its log (the previous log kept as `.log.1`), and records its pid.
    func startDetached(_ name: String, executable: URL, arguments: [String] = [], environment: [String: String]) async throws -> Int32 {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw CivilError("\(executable.path) does not exist; build first (swift build)")
        }
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: logs, withIntermediateDirectories: true)
        try fileManager.createDirectory(at: pids, withIntermediateDirectories: true)
        let log = logFile(name)
        if fileManager.fileExists(atPath: log.path) {
            let previous = log.appendingPathExtension("1")
            try? fileManager.removeItem(at: previous)
            try fileManager.moveItem(at: log, to: previous)
        }
        fileManager.createFile(atPath: log.path, contents: Data("=== starting \(name)\n".utf8))
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        let pidFile = pidFile(name)
        try? fileManager.removeItem(at: pidFile)
        let process = Process()
        // setsid: a new session, so stopping this command or its terminal leaves the process running.
        // setsid forks when its caller leads a process group, so the inner shell writes its own pid
        // and `exec`s the executable, which keeps that pid.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = ["/bin/bash", "-c", #"echo "$$" > "$0.tmp" && mv -f "$0.tmp" "$0" && exec "$@""#,
                             pidFile.path, executable.path] + arguments
        process.environment = environment
        process.currentDirectoryURL = root
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        try handle.close()
        for _ in 0..<100 {
            if let pid = runningPID(name) { return pid }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw CivilError("\(name) did not start (no pid file after 5 s); see .run/logs/\(name).log")
    }

    /// SIGTERM, up to `grace` to exit, then SIGKILL; removes the pid file.
    func stop(_ name: String, grace: Duration = .seconds(15)) async {
        defer { try? FileManager.default.removeItem(at: pidFile(name)) }
        guard let pid = runningPID(name) else { return }
        kill(pid, SIGTERM)
        let deadline = ContinuousClock.now + grace
        while kill(pid, 0) == 0, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(100))
        }
        if kill(pid, 0) == 0 {
            report("    \(name) did not stop within \(grace); killing it")
            kill(pid, SIGKILL)
        }
    }

    func logTail(_ name: String, lines: Int = 30) -> String {
        let text = (try? String(contentsOf: logFile(name), encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }
}

struct CivilError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
