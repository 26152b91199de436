import Logging
import PostgresNIO

/// Where a store's statements run: the connection of a use case's transaction, or the pool for
/// a read that needs none.
enum StoreSession: Sendable {
    case connection(PostgresConnection)
    case pool(PostgresClient)
}

/// A store owns the SQL of some tables: it runs the statements and reads rows into records.
/// Refusals are not its business: it answers `nil` or `false`, and the caller decides.
protocol RegistryStore {
    var session: StoreSession { get }
    var logger: Logger { get }
    init(session: StoreSession, logger: Logger)
}

extension RegistryStore {
    /// A store inside a transaction.
    init(_ connection: PostgresConnection, logger: Logger) { self.init(session: .connection(connection), logger: logger) }

    /// A store for reads on the pool, outside any transaction.
    init(_ pool: PostgresClient, logger: Logger) { self.init(session: .pool(pool), logger: logger) }

    @discardableResult
    func query(_ query: PostgresQuery) async throws -> PostgresRowSequence {
        switch session {
        case .connection(let connection): try await connection.query(query, logger: logger)
        case .pool(let pool): try await pool.query(query, logger: logger)
        }
    }

    /// Whether the statement returns a row.
    func exists(_ statement: PostgresQuery) async throws -> Bool {
        for try await _ in try await query(statement) { return true }
        return false
    }

    /// The first column of the first row as an integer (a count, a serial), 0 without a row.
    func firstInt(_ statement: PostgresQuery) async throws -> Int {
        for try await value in try await query(statement).decode(Int.self) { return value }
        return 0
    }
}

/// A stored value no release of this service writes: the row cannot be read into a record.
struct UnreadableColumn: Error, CustomStringConvertible {
    var column: String
    var value: String

    var description: String { "column \(column) holds \"\(value)\", which this service does not write" }
}

extension RawRepresentable where RawValue == String {
    /// The stored raw value of an enum column.
    init(column: String, _ text: String) throws {
        guard let value = Self(rawValue: text) else { throw UnreadableColumn(column: column, value: text) }
        self = value
    }
}
