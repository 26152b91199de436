import AssistanceDomain
import Contracts
import Logging
import PostgresNIO
import ServiceKit

/// An agency's bulk delivery for the table-backed verification source: it replaces what that
/// source said before about the people it lists, in one transaction.
enum DeliverVerificationRecords {
    static func run(source: String, records: [VerificationRecordStore.Record], dependencies: ServiceDependencies,
                    logger: Logger) async throws {
        try await dependencies.database.transaction(logger: logger) { connection in
            try await VerificationRecordStore.replace(source: source, with: records, on: connection, logger: logger)
        }
    }
}
