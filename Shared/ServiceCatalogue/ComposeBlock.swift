/// What `compose/` needs for one catalogue entry: its service block in `docker-compose.yml` and
/// its database in `postgres-init/01-databases.sql`. `civil compose` prints them for a new
/// service, and `CatalogueConsistencyTests` checks that the files hold them verbatim.
public enum ComposeBlock {
    /// The service block, two-space indented under `services:`.
    public static func service(_ entry: CatalogueEntry) -> String {
        let prefix = entry.environmentPrefix
        return """
          \(entry.executable):
            <<: *service
            image: civil-affairs/\(entry.executable):${CIVIL_VERSION:-latest}
            build:
              context: ..
              dockerfile: compose/Dockerfile
              args:
                SERVICE: \(entry.executable)
            environment:
              <<: *service-env
              CIVIL_DB_USER: \(entry.database)
              CIVIL_DB_PASSWORD: ${\(prefix)_DB_PASSWORD:?set \(prefix)_DB_PASSWORD in compose/.env}
              \(prefix)_DB_NAME: \(entry.database)
              \(prefix)_HTTP_PORT: "\(entry.port)"
            ports:
              - ${CIVIL_BIND_ADDRESS:-127.0.0.1}:\(entry.port):\(entry.port)
            healthcheck:
              test: ["CMD", "curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:\(entry.port)/health/ready"]
              interval: 10s
              timeout: 5s
              retries: 6
              start_period: 60s

        """
    }

    /// The database and its owning login role (the password comes from `compose/.env`).
    public static func database(_ entry: CatalogueEntry) -> String {
        """
        CREATE ROLE \(entry.database) LOGIN PASSWORD :'\(entry.database)_password';
        CREATE DATABASE \(entry.database) OWNER \(entry.database);
        """
    }
}
