import Logging
import Metrics
import Prometheus
import Synchronization

/// Process-wide logging and metrics. swift-log and swift-metrics may be
/// bootstrapped once per process, so this is idempotent (tests build many apps).
public enum Observability {
    private static let state = Mutex<PrometheusCollectorRegistry?>(nil)

    /// The registry behind `/metrics`.
    public static func bootstrap(logLevel: Logger.Level) -> PrometheusCollectorRegistry {
        state.withLock { registry in
            if let registry { return registry }
            let created = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: created))
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = logLevel
                return handler
            }
            registry = created
            return created
        }
    }
}
