import Foundation
import Hummingbird
import Logging
import Messaging
import PostgresNIO

/// `/health/live`: the process answers. `/health/ready`: start-up finished and
/// both the database and a Kafka broker answer, so a load balancer may send traffic.
struct HealthRoutes: Sendable {
    let database: PostgresClient
    let brokers: KafkaBrokerProbe
    let gate: StartupGate
    let logger: Logger

    struct Status: ResponseEncodable {
        var status: String
        var checks: [String: String]
    }

    func register(on router: Router<ServiceRequestContext>) {
        router.get("/health/live") { _, _ in Status(status: "ok", checks: [:]) }
        router.get("/health/ready") { _, _ -> Response in
            var checks: [String: String] = [:]
            checks["startup"] = gate.isOpen ? "ok" : "pending"
            do {
                try await database.query("SELECT 1", logger: logger)
                checks["database"] = "ok"
            } catch {
                checks["database"] = "unreachable"
            }
            do {
                let count = try await brokers.brokerCount()
                checks["kafka"] = count > 0 ? "ok" : "no brokers"
            } catch {
                checks["kafka"] = "unreachable"
            }
            let ready = checks.values.allSatisfy { $0 == "ok" }
            let body = try JSONEncoder().encode(Status(status: ready ? "ready" : "not-ready", checks: checks))
            return Response(
                status: ready ? .ok : .serviceUnavailable,
                headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
    }
}
