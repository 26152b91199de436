import Logging
import Persistence
import PostgresNIO

extension AuditChainVerifier {
    /// What a `verify-audit` command exits with.
    public enum ExitStatus: Int32, Sendable {
        case intact = 0
        case broken = 1
        /// The log could not be read (no database, no table): nothing is known about the chain.
        case unverified = 2
    }

    /// For a service's command line: verifies the chain, writes the summary line (and the head, to
    /// record elsewhere) and returns the exit status. The client must be running.
    public static func runCommand(
        client: PostgresClient, logger: Logger, write: (String) -> Void = { print($0) }
    ) async -> ExitStatus {
        do {
            let report = try await verify(client: client, logger: logger)
            write(report.summary)
            if let head = report.head { write(head) }
            return report.isIntact ? .intact : .broken
        } catch {
            write("audit log: cannot verify: \(describe(error))")
            return .unverified
        }
    }

    /// The same, with a client of its own on `database` for the duration of the check.
    public static func runCommand(
        database: DatabaseConfiguration, logger: Logger, write: @Sendable (String) -> Void = { print($0) }
    ) async -> ExitStatus {
        let client = PostgresClient(configuration: database.clientConfiguration, backgroundLogger: logger)
        return await withTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            let status = await runCommand(client: client, logger: logger, write: write)
            group.cancelAll()
            return status
        }
    }

    /// PostgreSQL's own message when there is one (PSQLError's description hides it on purpose).
    private static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let message = error.serverInfo?[.message] { return message }
        return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
    }
}
