import Audit
import Contracts
import Foundation
import Hummingbird
import Logging
import Messaging
import Metrics
import Persistence
import PostgresNIO
import ServiceLifecycle

/// Builds and runs a bureau service: one ServiceGroup of
/// `[PostgreSQL pool, Kafka producer, outbox relay, inbox consumer, HTTP server]`.
///
/// ServiceGroup stops services in reverse order on SIGTERM: the HTTP server and
/// consumer stop first, the relay finishes its batch, the producer flushes, and
/// the database pool closes last.
public enum ServiceRuntime {
    public static func run(_ definition: ServiceDefinition) async throws {
        let settings = try ServiceSettings(domain: definition.domain)
        if settings.mode == .production, !settings.productionProblems.isEmpty {
            throw SettingsError.notReadyForProduction(settings.productionProblems)
        }
        let app = try await buildApplication(definition, settings: settings)
        // A shutdown always ends: graceful for SHUTDOWN_GRACE_SECONDS, then what is left is
        // cancelled, and 3 s later the process exits whatever still runs (`ShutdownDeadline`).
        let grace = Duration.seconds(settings.shutdownGraceSeconds)
        var configuration = ServiceGroupConfiguration(
            services: [app, ShutdownDeadline(limit: grace + .seconds(3), logger: app.logger)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: app.logger)
        configuration.maximumGracefulShutdownDuration = grace
        try await ServiceGroup(configuration: configuration).run()
    }

    public static func buildApplication(
        _ definition: ServiceDefinition, settings: ServiceSettings
    ) async throws -> some ApplicationProtocol {
        let registry = Observability.bootstrap(logLevel: settings.logLevel)
        let logger = {
            var logger = Logger(label: "civil.\(definition.domain.rawValue)")
            logger.logLevel = settings.logLevel
            return logger
        }()

        if settings.mode == .production {
            for warning in settings.productionWarnings { logger.warning("\(warning)") }
        }

        let database = PostgresClient(configuration: settings.database.clientConfiguration, backgroundLogger: logger)
        let producer = try KafkaProducer(
            configuration: settings.kafkaProducer, logger: logger)
        let probe = try KafkaBrokerProbe(client: settings.kafkaClient, logger: logger)
        let personRefKey: PersonRefKey
        do {
            personRefKey = try PersonRefKey(hex: settings.personRefKeyHex)
        } catch {
            throw SettingsError.invalid(name: "CIVIL_PERSON_REF_KEY", value: "(secret)", expected: "at least 64 hex characters")
        }
        let dependencies = ServiceDependencies(
            domain: definition.domain, database: database, personRefKey: personRefKey, logger: logger)
        let gate = StartupGate()

        var services: [any Service] = [database, producer]
        let relay = OutboxRelay(name: definition.domain.rawValue, database: settings.database, client: database, producer: producer, logger: logger)
        services.append(GatedService(relay, after: gate))
        if !definition.subscriptions.isEmpty {
            var kafka = KafkaConsumerConfiguration(
                client: settings.kafkaClient,
                groupID: Topics.consumerGroup(of: definition.domain),
                topics: definition.subscriptions.map { Topics.events(of: $0) })
            kafka.sessionTimeoutMs = settings.consumerSessionTimeoutMs
            kafka.heartbeatIntervalMs = min(3_000, settings.consumerSessionTimeoutMs / 4)
            let consumer = InboxConsumer(
                configuration: .init(kafka: kafka), client: database, deadLetterProducer: producer,
                handlers: definition.handlers(dependencies), logger: logger)
            services.append(GatedService(consumer, after: gate))
        }

        services.append(contentsOf: definition.jobs(dependencies).map { GatedService($0, after: gate) })

        guard let verifier = try await settings.tokenVerifier() else {
            throw SettingsError.missing(
                name: "CIVIL_JWT_KEYS_FILE",
                expected: "the identity provider's JWKS or PEM public keys (for local use, `civil token` writes .run/jwt/jwks.json)")
        }
        let routeTable = RouteTable()
        let router = Router(context: ServiceRequestContext.self)
        // Outermost first: a request id, metrics of the final status, problem+json for every error,
        // then who acts (401), whether their role may (403), whether the request is well formed
        // (400), the audit of what passed, and whether the record lies in their region (403) — all
        // before the route runs. The audit sits outside the region check, which it sees as a refusal.
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: MetricsMiddleware())  // outside ProblemMiddleware: it sees the final status
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: AuthenticationMiddleware(verifier: verifier))
        router.add(middleware: AccessPolicyMiddleware(table: routeTable))
        let document = try definition.openAPI?().addingRuntimeOperations()
        if let document {
            router.add(middleware: RequestValidationMiddleware(document: document))
        }
        router.add(middleware: AuditMiddleware(table: routeTable, database: database, key: personRefKey))
        router.add(middleware: RegionScopeMiddleware(table: routeTable))
        HealthRoutes(database: database, brokers: probe, gate: gate, relay: relay,
                     maxOutboxLag: .seconds(settings.outboxMaxLagSeconds), logger: logger).register(on: router)
        router.get("/metrics") { _, _ -> Response in
            var buffer = [UInt8]()
            buffer.reserveCapacity(16_384)
            registry.emit(into: &buffer)
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
        let routes = SecuredRoutes(router: router, table: routeTable)
        AuditLogRoutes.register(routes, dependencies)
        definition.routes(routes, dependencies)
        try AccessConfigurationCheck(router: router, table: routeTable).verify()
        if let document {
            let served = try document.secured(by: routeTable.policies)
            router.get("/openapi.json") { _, _ -> Response in
                Response(status: .ok, headers: [.contentType: "application/json"],
                         body: .init(byteBuffer: ByteBuffer(bytes: served.data)))
            }
        }

        var app = Application(
            router: router,
            configuration: .init(address: .hostname(settings.httpHost, port: settings.httpPort),
                                 serverName: "civil-\(definition.domain.rawValue)"),
            services: services,
            logger: logger
        )
        let migrations = definition.migrations
        let topics = topicSpecs(for: definition.domain, settings: settings)
        app.beforeServerStarts {
            do {
                try await Migrator(client: database, logger: logger).migrate([
                    (PlatformMigrations.scope, PlatformMigrations.all),
                    (AuditMigrations.scope, AuditMigrations.all),
                    (definition.domain.rawValue, migrations),
                ])
                try await KafkaTopicAdmin.ensureTopics(topics, client: settings.kafkaClient, logger: logger)
                gate.open()
                logger.info("service started", metadata: ["http.port": "\(settings.httpPort)"])
            } catch {
                logger.critical("start-up failed: \(error)")
                gate.abandon()
                throw error
            }
        }
        return app
    }

    /// The topics this service writes to or reads from.
    static func topicSpecs(for domain: Domain, settings: ServiceSettings) -> [TopicSpec] {
        let names = [Topics.events(of: domain), Topics.stats(of: domain),
                     Topics.deadLetter(group: Topics.consumerGroup(of: domain))]
        return names.map { TopicSpec(name: $0, partitions: settings.kafkaPartitions, replicationFactor: settings.kafkaReplication) }
    }
}
