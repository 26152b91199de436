import AssistanceDomain
import Contracts
import Logging
import PostgresNIO

/// `reserve_funds`: each township's 临时救助备用金.
enum ReserveFundStore {
    /// Adds `amount` to the township's fund (creating it) and returns the new balance.
    static func topUp(_ township: RegionCode, by amount: Money, on connection: PostgresConnection, logger: Logger) async throws -> Money {
        let rows = try await connection.query("""
            INSERT INTO reserve_funds (township, balance_fen) VALUES (\(township.rawValue), \(amount.fen))
            ON CONFLICT (township) DO UPDATE SET balance_fen = reserve_funds.balance_fen + EXCLUDED.balance_fen
            RETURNING balance_fen
            """, logger: logger)
        var balance = Money.zero
        for try await fen in rows.decode(Int64.self) { balance = Money(fen: fen) }
        return balance
    }

    /// The township's fund, locked for the rest of the transaction; nil when it has none.
    static func lock(_ township: RegionCode, on connection: PostgresConnection, logger: Logger) async throws -> TownshipReserveFund? {
        let rows = try await connection.query(
            "SELECT balance_fen FROM reserve_funds WHERE township = \(township.rawValue) FOR UPDATE", logger: logger)
        for try await fen in rows.decode(Int64.self) { return try TownshipReserveFund(township: township, balance: Money(fen: fen)) }
        return nil
    }

    static func save(_ fund: TownshipReserveFund, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("UPDATE reserve_funds SET balance_fen = \(fund.balance.fen) WHERE township = \(fund.township.rawValue)",
                                   logger: logger)
    }
}
