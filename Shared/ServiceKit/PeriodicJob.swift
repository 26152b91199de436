import Logging
import ServiceLifecycle

/// Work a service repeats on a timer (e.g. closing expired applications), run as a
/// lifecycle service so it starts after migrations and stops on SIGTERM.
public struct PeriodicJob: Service {
    public let name: String
    public let interval: Duration
    public let work: @Sendable () async throws -> Void
    public let logger: Logger

    public init(name: String, interval: Duration, logger: Logger, work: @escaping @Sendable () async throws -> Void) {
        self.name = name
        self.interval = interval
        self.logger = logger
        self.work = work
    }

    public func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await work()
                } catch is CancellationError {
                    return
                } catch {
                    logger.error("periodic job failed; it runs again at the next interval",
                                 metadata: ["job": "\(name)", "error": "\(String(reflecting: error))"])
                }
                try await Task.sleep(for: interval)
            }
        }
    }
}
