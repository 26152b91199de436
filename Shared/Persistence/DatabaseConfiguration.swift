import PostgresNIO

/// Where a service's own database is. Services never share tables.
public struct DatabaseConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String
    public var database: String
    public var maximumConnections: Int

    public init(host: String, port: Int, username: String, password: String, database: String, maximumConnections: Int = 20) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.maximumConnections = maximumConnections
    }

    public var clientConfiguration: PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: .disable
        )
        configuration.options.maximumConnections = maximumConnections
        return configuration
    }

    /// For a session of its own, outside the pool (the outbox relay holds its lock on one).
    public var connectionConfiguration: PostgresConnection.Configuration {
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: .disable
        )
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }
}
