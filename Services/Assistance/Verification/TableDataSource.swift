import AssistanceDomain
import Contracts
import Logging
import PostgresNIO

/// Answers from `verification_records`: the bulk deliveries of every agency, loaded with
/// `PUT /verification-sources/{source}/records`. One instance covers all agencies in the table.
struct TableDataSource: EconomicDataSource {
    var name: String { "table" }

    func records(for people: [PersonRef], on connection: PostgresConnection, logger: Logger) async throws -> [VerificationRecord] {
        try await VerificationRecordStore.records(for: people, on: connection, logger: logger)
    }
}
