import PostgresNIO

extension TestDatabase {
    /// The first column of the first row of `sql`, or nil when there is no row (on the test's own pool).
    public func scalar<T: PostgresDecodable & Sendable>(_ sql: String, as _: T.Type = Int.self) async throws -> T? {
        let rows = try await client.query(PostgresQuery(unsafeSQL: sql), logger: TestKafka.logger)
        for try await value in rows.decode(T.self) { return value }
        return nil
    }
}
