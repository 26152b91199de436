import Contracts
import Foundation
import HummingbirdTesting
import NIOCore
import Synchronization
import TestSupport

/// One service executable (`registry`, `elder-care`, …) run as a child process, with
/// the settings of `ServiceSettings` pointing it at the scratch cluster and the
/// embedded-kafka process. It can be killed and started again with the same settings.
public final class ServiceProcess: Sendable {
    public let product: String
    public let domain: Domain
    public let port: Int
    public let database: String
    private let executable: String
    private let environment: [String: String]
    private let logPath: String
    private let current = Mutex<ChildProcess?>(nil)

    public init(product: String, domain: Domain, binaries: String, directory: String, database: String,
                postgresPort: Int, kafkaBootstrap: String, kafkaPartitions: Int, logLevel: String) throws {
        self.product = product
        self.domain = domain
        self.port = try FreePort.loopback()
        self.database = database
        self.executable = binaries + "/" + product
        self.logPath = directory + "/\(product).log"
        let prefix = domain.rawValue.uppercased()
        var environment = ChildEnvironment.base()
        environment["CIVIL_DB_HOST"] = "127.0.0.1"
        environment["CIVIL_DB_PORT"] = String(postgresPort)
        environment["CIVIL_DB_USER"] = ScratchPostgres.user
        environment["CIVIL_DB_PASSWORD"] = "unused-trust-auth"
        environment["CIVIL_KAFKA_BOOTSTRAP"] = kafkaBootstrap
        environment["CIVIL_KAFKA_PARTITIONS"] = String(kafkaPartitions)
        environment["CIVIL_KAFKA_REPLICATION"] = "1"
        environment["CIVIL_KAFKA_PRODUCER_PROFILE"] = "embedded"  // the harness's broker is the mock cluster
        // The mock broker waits session.timeout.ms − 1 s on some rebalances (a killed member's
        // partitions among them); 6 s keeps a consumer restart under ten seconds.
        environment["CIVIL_KAFKA_SESSION_TIMEOUT_MS"] = "6000"
        environment["CIVIL_LOG_LEVEL"] = logLevel
        environment["CIVIL_JWT_KEYS_FILE"] = TestTokens.jwksFile
        environment["\(prefix)_DB_NAME"] = database
        environment["\(prefix)_HTTP_PORT"] = String(port)
        environment["\(prefix)_HTTP_HOST"] = "127.0.0.1"
        self.environment = environment
    }

    public var isRunning: Bool { current.withLock { $0?.isRunning ?? false } }
    public var pid: Int32? { current.withLock { $0?.pid } }

    /// Starts the executable and waits until `/health/ready` answers 200.
    public func start(timeout: Duration = .seconds(90)) async throws {
        let process = try await ChildProcess.start(name: product, executable: executable, environment: environment,
                                                   logPath: logPath)
        current.withLock { $0 = process }
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard process.isRunning else {
                throw HarnessSetupError.timeout("\(product) exited during start-up (status \(process.exitStatus ?? 0)):\n\(process.logTail())")
            }
            if await status("/health/ready") == 200 { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        await process.kill()
        throw HarnessSetupError.timeout("\(product) not ready on port \(port) after \(timeout):\n\(process.logTail())")
    }

    /// SIGKILL: no shutdown code runs, as in a crash or an OOM kill.
    public func kill() async {
        guard let process = current.withLock({ $0 }) else { return }
        await process.kill()
    }

    /// SIGTERM; SIGKILL after `grace`. False when SIGTERM alone did not stop it.
    @discardableResult
    public func terminate(grace: Duration = .seconds(15)) async -> Bool {
        guard let process = current.withLock({ $0 }), process.isRunning else { return true }
        return await process.terminate(grace: grace)
    }

    /// The Prometheus text of `/metrics`, or nil when the process does not answer.
    public func metrics() async -> String? {
        try? await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(5))) { client in
            let response = try await client.get("/metrics")
            return response.body.map { String(buffer: $0) }
        }
    }

    public func logTail(lines: Int = 40) -> String {
        current.withLock { $0?.logTail(lines: lines) } ?? "(\(product) never started)"
    }

    /// The status `/health/ready` answers now (nil when nothing answers).
    public func readiness() async -> Int? { await status("/health/ready") }

    private func status(_ path: String) async -> Int? {
        try? await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(3))) { client in
            try await client.get(path).status.code
        }
    }
}
