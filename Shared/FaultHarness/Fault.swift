/// The faults of the matrix (issue 8), each injected into real processes under load.
public enum Fault: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Every embedded broker down for `outage`, then up.
    case brokerOutage = "broker-down"
    /// SIGKILL of the publishing Registry while its relay is publishing, then a restart.
    case publisherKill = "kill-publisher"
    /// SIGKILL of a consuming ElderCare while it applies events, then a restart.
    case consumerKill = "kill-consumer"
    /// The PostgreSQL cluster stopped (fast) for `outage`, then started.
    case postgresRestart = "postgres-restart"
    /// Malformed messages produced straight to the Registry's topic among good events.
    case poisonEvent = "poison-event"

    public var description: String { rawValue }
}

/// How big and how fast one run of the matrix is.
public struct MatrixSettings: Sendable {
    /// Events the driver causes per fault (three per person).
    public var eventsPerFault: Int
    /// Events per second, all lanes together (a steady load the fault lands in).
    public var rate: Double
    /// Concurrent HTTP connections to the Registry.
    public var lanes: Int
    /// How long the broker or the database stays down.
    public var outage: Duration = .seconds(10)
    /// Once sending is over, how long to wait for every event to be applied before counting.
    public var drainTimeout: Duration
    public var partitions = 6
    public var logLevel = "info"
    /// Keep the scratch directory (logs of every process) after the run.
    public var keepLogs = false

    public init(eventsPerFault: Int, rate: Double, lanes: Int, drainTimeout: Duration) {
        self.eventsPerFault = eventsPerFault
        self.rate = rate
        self.lanes = lanes
        self.drainTimeout = drainTimeout
    }

    /// CI: about 600 events per fault over ~15 s, so the 10 s outage lands mid-stream.
    public static let ci = MatrixSettings(eventsPerFault: 600, rate: 40, lanes: 4, drainTimeout: .seconds(45))
}
