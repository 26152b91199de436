/// What `compose/` needs for one catalogue entry: its service block in `docker-compose.yml`, its
/// database in `postgres-init/01-databases.sql`, and its Kafka user in the `kafka-sasl-ssl.yml`
/// override. `civil compose` prints them for a new service, and `CatalogueConsistencyTests` checks
/// that the files hold them verbatim.
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

    /// The service's block in `kafka-sasl-ssl.yml`: SASL_SSL towards the broker as its own Kafka
    /// user (named after its database), the password read from a compose secret.
    public static func kafkaSASLService(_ entry: CatalogueEntry) -> String {
        let prefix = entry.environmentPrefix
        return """
          \(entry.executable):
            environment:
              <<: *kafka-sasl-ssl
              \(prefix)_KAFKA_SASL_USERNAME: \(entry.database)
              \(prefix)_KAFKA_SASL_PASSWORD_FILE: /run/secrets/kafka-\(entry.database)-password
            secrets:
              - kafka-ca
              - kafka-\(entry.database)-password

        """
    }

    /// The service's Kafka password file, under the top-level `secrets:` of `kafka-sasl-ssl.yml`
    /// (`compose/kafka-secrets.sh` writes it).
    public static func kafkaSASLSecret(_ entry: CatalogueEntry) -> String {
        """
          kafka-\(entry.database)-password:
            file: ./secrets/services/\(entry.database).password
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
