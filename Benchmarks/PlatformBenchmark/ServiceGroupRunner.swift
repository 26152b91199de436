import Logging
import ServiceLifecycle

/// Runs services for the duration of a body, then shuts them down gracefully.
struct ServiceGroupRunner {
    let services: [any Service]
    let logger: Logger

    func run(_ body: @Sendable () async throws -> Void) async throws {
        let group = ServiceGroup(configuration: .init(services: services, logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            do { try await body() } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}
