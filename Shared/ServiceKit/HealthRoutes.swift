import Foundation
import Hummingbird
import Logging
import Messaging
import Persistence
import PostgresNIO

/// `/health/live`: the process answers. `/health/ready`: start-up finished, both the
/// database and a Kafka broker answer, and the outbox relay publishes: it is not failing
/// and its oldest unpublished row is younger than `maxOutboxLag`. A service whose events
/// do not leave is not ready, even if it still accepts commands.
struct HealthRoutes: Sendable {
    let database: PostgresClient
    let brokers: KafkaBrokerProbe
    let gate: StartupGate
    let relay: OutboxRelay
    let maxOutboxLag: Duration
    let logger: Logger

    struct Status: ResponseEncodable {
        var status: String
        var checks: [String: String]
    }

    func register(on router: Router<ServiceRequestContext>) {
        router.get("/health/live") { _, _ in Status(status: "ok", checks: [:]) }
        router.get("/health/ready") { _, _ -> Response in
            // The checks run side by side, each bounded: a probe must answer within about 2 s
            // while a dependency is away, not hang with it.
            async let database = databaseCheck()
            async let kafka = kafkaCheck()
            async let outbox = outboxCheck(startupDone: gate.isOpen)
            let checks = ["startup": gate.isOpen ? "ok" : "pending", "database": await database,
                          "kafka": await kafka, "outbox": await outbox]
            let ready = checks.values.allSatisfy { $0 == "ok" }
            let body = try JSONEncoder().encode(Status(status: ready ? "ready" : "not-ready", checks: checks))
            return Response(
                status: ready ? .ok : .serviceUnavailable,
                headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
    }

    private func databaseCheck() async -> String {
        do {
            _ = try await withDeadline(.seconds(2)) { [database, logger] in
                try await database.query("SELECT 1", logger: logger)
            }
            return "ok"
        } catch {
            return "unreachable"
        }
    }

    private func kafkaCheck() async -> String {
        do {
            let count = try await withDeadline(.seconds(2)) { [brokers] in try await brokers.brokerCount() }
            return count > 0 ? "ok" : "no brokers"
        } catch {
            return "unreachable"
        }
    }

    private func outboxCheck(startupDone: Bool) async -> String {
        switch relay.health.current {
        case .failing(let reason, let since):
            let seconds = (ContinuousClock.now - since).components.seconds
            return "failing for \(seconds) s: \(reason)"
        case .stopped:
            return "stopped"
        case .starting:
            return startupDone ? "starting" : "pending"
        case .active, .standby:
            break
        }
        do {
            let status = try await withDeadline(.seconds(2)) { [database, logger] in
                try await OutboxRelay.status(client: database, logger: logger)
            }
            let limit = Double(maxOutboxLag.components.seconds)
            if status.oldestPendingAge > limit {
                return "lagging: oldest unpublished row is \(Int(status.oldestPendingAge)) s old (limit \(Int(limit)) s), \(status.pending) waiting"
            }
            return "ok"
        } catch {
            return "unreachable"
        }
    }
}
