import PostgresNIO

/// One statement that embeds a service's query (``RosterScheme``) among the roster's own SQL.
///
/// The embedded query keeps its parameters `$1…$k` as written; every value the roster binds is
/// numbered after them, so neither side's SQL is rewritten.
struct Statement {
    private var binds: PostgresBindings

    /// A statement that will embed `query`'s SQL and numbers its own parameters after `query`'s.
    init(embedding query: PostgresQuery) {
        binds = query.binds
    }

    /// Binds `value` (nil binds NULL) and returns its placeholder (`$n`).
    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value?) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    /// The statement with `sql`, which must hold the embedded query's SQL and these placeholders.
    func query(_ sql: String) -> PostgresQuery {
        PostgresQuery(unsafeSQL: sql, binds: binds)
    }
}
