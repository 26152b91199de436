import Foundation
import Logging
import Persistence
import PostgresNIO
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL cluster a test owns: `initdb` in a temporary directory, a server on a
/// free loopback port, and the power to stop it (fast or immediate) and start it again
/// without disturbing the server other tests share.
///
/// `initdb` and `postgres` refuse to run as root, so when the test runs as root (CI)
/// both run as the `postgres` OS user, which owns the data directory. The server is a
/// direct child of the test process (not daemonised by `pg_ctl`), so it dies with it.
/// The superuser is `civil` with trust authentication on 127.0.0.1 only; no Unix socket.
public final class ScratchPostgres: Sendable {
    public enum StopMode: String, Sendable {
        /// SIGINT: disconnects clients, checkpoints, exits.
        case fast
        /// SIGQUIT: exits at once; the next start runs crash recovery.
        case immediate
    }

    public static let user = "civil"

    public let root: String
    public let dataDirectory: String
    public let port: Int
    private let binaries: String
    private let osUser: String?
    private let server = ServerSlot()
    private let logger: Logger

    /// Runs `initdb` and starts the server.
    public static func create(logger: Logger = Logger(label: "test.scratch-pg")) async throws -> ScratchPostgres {
        let binaries = try findBinaries()
        let osUser: String? = getuid() == 0 ? "postgres" : nil
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("scratch-pg-\(UUID().uuidString.prefix(8))").path
        // The root stays the test's (0755) so `postgres` can traverse it; the data directory is the server's (0700).
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        let data = root + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        if let osUser { try Self.chown(data, to: osUser) }
        let cluster = ScratchPostgres(root: root, data: data, port: try FreePort.loopback(), binaries: binaries,
                                      osUser: osUser, logger: logger)
        do {
            let initdb = try await ChildProcess.start(
                name: "initdb", executable: binaries + "/initdb",
                arguments: ["-D", data, "-U", user, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"],
                environment: Self.environment, logPath: root + "/initdb.log", user: osUser)
            guard let status = await initdb.waitForExit(timeout: .seconds(120)), status == 0 else {
                await initdb.kill()
                throw ScratchPostgresError.initdbFailed(initdb.logTail())
            }
            try await cluster.start()
        } catch {
            await cluster.destroy()
            throw error
        }
        return cluster
    }

    private init(root: String, data: String, port: Int, binaries: String, osUser: String?, logger: Logger) {
        self.root = root
        self.dataDirectory = data
        self.port = port
        self.binaries = binaries
        self.osUser = osUser
        self.logger = logger
    }

    public var isRunning: Bool { server.current?.isRunning ?? false }

    /// Starts the server (again) on the same port and waits until it accepts connections.
    public func start(timeout: Duration = .seconds(60)) async throws {
        if isRunning { return }
        let process = try await ChildProcess.start(
            name: "postgres", executable: binaries + "/postgres",
            arguments: ["-D", dataDirectory,
                        "-c", "listen_addresses=127.0.0.1", "-c", "port=\(port)", "-c", "unix_socket_directories=",
                        "-c", "max_connections=200",
                        // Durable against a crash of the server (an immediate stop) but not of the OS, which
                        // tests do not need: the WAL reaches the page cache at commit, not the disk.
                        // synchronous_commit stays on: off would lose acknowledged commits on an immediate stop.
                        "-c", "fsync=off", "-c", "full_page_writes=off"],
            environment: Self.environment, logPath: root + "/server.log", user: osUser)
        server.current = process
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard process.isRunning else { throw ScratchPostgresError.serverExited(process.logTail()) }
            if await accepts() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        await process.kill()
        throw ScratchPostgresError.notReady(process.logTail())
    }

    /// Stops the server and waits for it (and so for its backends) to exit.
    public func stop(_ mode: StopMode) async {
        guard let process = server.current, process.isRunning else { return }
        process.signal(mode == .fast ? SIGINT : SIGQUIT)
        if await process.waitForExit(timeout: .seconds(60)) == nil {
            logger.warning("scratch PostgreSQL ignored its stop signal; killing it")
            await process.kill()
        }
    }

    /// Stops the server at once and removes every file.
    public func destroy() async {
        if let process = server.current, process.isRunning {
            process.signal(SIGQUIT)
            if await process.waitForExit(timeout: .seconds(20)) == nil { await process.kill() }
        }
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Connection settings for `database` on this cluster.
    public func configuration(database: String, maximumConnections: Int = 4) -> DatabaseConfiguration {
        DatabaseConfiguration(host: "127.0.0.1", port: port, username: Self.user, password: "", database: database,
                              maximumConnections: maximumConnections)
    }

    public func createDatabase(_ name: String) async throws {
        try await withConnection(database: "postgres") { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \"\(name)\""), logger: self.logger)
        }
    }

    /// One connection for `body`, closed afterwards.
    @discardableResult
    public func withConnection<T: Sendable>(
        database: String, _ body: @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        let configuration = PostgresConnection.Configuration(
            host: "127.0.0.1", port: port, username: Self.user, password: nil, database: database, tls: .disable)
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw Self.explained(error)
        }
        do {
            let result = try await body(connection)
            try? await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw Self.explained(error)
        }
    }

    /// PSQLError hides its details from `description`; a test failure needs them.
    static func explained(_ error: any Error) -> any Error {
        error is PSQLError ? HarnessError(underlying: String(reflecting: error)) : error
    }

    private func accepts() async -> Bool {
        do {
            try await withConnection(database: "postgres") { connection in
                try await connection.query("SELECT 1", logger: self.logger)
            }
            return true
        } catch {
            return false
        }
    }

    /// The newest server binaries: `CIVIL_PG_BIN`, else the highest `/usr/lib/postgresql/<version>/bin`.
    static func findBinaries() throws -> String {
        let fileManager = FileManager.default
        func complete(_ dir: String) -> Bool {
            ["initdb", "postgres"].allSatisfy { fileManager.isExecutableFile(atPath: dir + "/" + $0) }
        }
        if let dir = ProcessInfo.processInfo.environment["CIVIL_PG_BIN"] {
            guard complete(dir) else { throw ScratchPostgresError.noBinaries("CIVIL_PG_BIN=\(dir) lacks initdb or postgres") }
            return dir
        }
        let versions = (try? fileManager.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        let candidates = versions.compactMap { version in Int(version).map { ($0, "/usr/lib/postgresql/\(version)/bin") } }
            .sorted { $0.0 > $1.0 }
        guard let found = candidates.first(where: { complete($0.1) }) else {
            throw ScratchPostgresError.noBinaries("no initdb/postgres in /usr/lib/postgresql/*/bin (install postgresql)")
        }
        return found.1
    }

    static func chown(_ path: String, to user: String) throws {
        guard let entry = getpwnam(user) else { throw ScratchPostgresError.noSuchUser(user) }
        guard Glibc.chown(path, entry.pointee.pw_uid, entry.pointee.pw_gid) == 0 else {
            throw ScratchPostgresError.chownFailed(path, String(cString: strerror(errno)))
        }
    }

    /// A minimal environment: the server must not inherit the test's PG* variables.
    static var environment: [String: String] {
        ["PATH": "/usr/bin:/bin", "LANG": "C", "LC_ALL": "C"]
    }
}

/// The current server process (replaced at each start).
final class ServerSlot: Sendable {
    private let slot = Mutex<ChildProcess?>(nil)
    var current: ChildProcess? {
        get { slot.withLock { $0 } }
        set { slot.withLock { $0 = newValue } }
    }
}

public enum ScratchPostgresError: Error, CustomStringConvertible {
    case noBinaries(String)
    case noSuchUser(String)
    case chownFailed(String, String)
    case initdbFailed(String)
    case serverExited(String)
    case notReady(String)

    public var description: String {
        switch self {
        case .noBinaries(let reason): "scratch PostgreSQL: \(reason)"
        case .noSuchUser(let user): "scratch PostgreSQL: no OS user \(user) to own the cluster"
        case .chownFailed(let path, let reason): "scratch PostgreSQL: chown \(path): \(reason)"
        case .initdbFailed(let log): "scratch PostgreSQL: initdb failed:\n\(log)"
        case .serverExited(let log): "scratch PostgreSQL: the server exited during start-up:\n\(log)"
        case .notReady(let log): "scratch PostgreSQL: the server did not accept connections in time:\n\(log)"
        }
    }
}
