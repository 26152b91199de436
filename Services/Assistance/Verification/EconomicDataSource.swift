import AssistanceDomain
import Contracts
import Logging
import PostgresNIO

/// A partner agency's data, asked during economic verification (核对): social insurance,
/// housing fund, vehicles, real estate, business registration, deposits.
///
/// Sources are pluggable: `TableDataSource` answers from data the agencies delivered in bulk
/// (so the suite works offline), `HTTPDataSource` asks an agency's service over the contract in
/// `Services/Assistance/verification-source.openapi.json`.
protocol EconomicDataSource: Sendable {
    /// Names the source in findings and in `verification-completed.sources`.
    var name: String { get }
    /// Everything the source knows about `people`. `connection` is the service's own database,
    /// in the verification's transaction.
    func records(for people: [PersonRef], on connection: PostgresConnection, logger: Logger) async throws -> [VerificationRecord]
}
