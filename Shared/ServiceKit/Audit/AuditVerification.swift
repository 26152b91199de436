import Audit
import Contracts
import Foundation
import Logging
import PostgresNIO

/// A service's `verify-audit` command: checks the hash chain of its audit log and prints the
/// result; exits 0 when intact, 1 when broken (an edited, deleted or inserted row), 2 when the
/// log could not be read.
public enum AuditVerification {
    public static func run(_ domain: Domain) async throws -> Int32 {
        let settings = try ServiceSettings(domain: domain)
        var logger = Logger(label: "civil.\(domain.rawValue).verify-audit")
        logger.logLevel = .warning
        let client = PostgresClient(configuration: settings.database.clientConfiguration, backgroundLogger: logger)
        return await withTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return await AuditChainVerifier.runCommand(client: client, logger: logger).rawValue
        }
    }
}
