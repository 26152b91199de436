import Foundation

/// What one fault did to the pipeline, counted from the databases.
public struct FaultOutcome: Sendable {
    public var fault: Fault
    /// Life events the Registry committed (its outbox).
    public var sent = 0
    /// Commands the Registry acknowledged over HTTP.
    public var acknowledged = 0
    public var driverRetries = 0
    public var driverFailures: [String] = []
    public var consumers: [ConsumerCount] = []
    /// From the fault's end (broker up, process ready again, database accepting) until the first
    /// event committed after it, and every event before that, was applied by every consumer;
    /// nil if that never happened within the drain time.
    public var recovery: Duration?
    public var poisonProduced = 0
    /// The Registry's `/health/ready` status midway through a database outage, and once recovered.
    public var readinessDuringOutage: Int?
    public var readinessAfter: Int?
    /// Services that did not stop on SIGTERM within the grace period at teardown.
    public var ignoredSIGTERM: [String] = []
    /// Where the logs of every process are (kept when a count is wrong).
    public var logDirectory = ""

    public var effectsApplied: Int { consumers.reduce(0) { $0 + $1.applied } }
    public var lost: Int { consumers.reduce(0) { $0 + $1.lost } }
    public var appliedTwice: Int { consumers.reduce(0) { $0 + $1.appliedTwice } }
    public var orderViolations: Int { consumers.reduce(0) { $0 + $1.orderViolations } }
    public var duplicatesDropped: Int { consumers.reduce(0) { $0 + $1.duplicatesDropped } }
    public var goodDeadLettered: Int { consumers.reduce(0) { $0 + $1.goodDeadLettered } }
    /// Poison messages each consumer should have dead-lettered but did not.
    public var poisonMissing: Int { consumers.reduce(0) { $0 + max(0, poisonProduced - $1.poisonDeadLettered) } }
    public var poisonWithoutReason: Int {
        consumers.reduce(0) { $0 + $1.poisonReasons.filter { $0.isEmpty }.count }
    }

    public var passed: Bool {
        lost == 0 && appliedTwice == 0 && orderViolations == 0 && goodDeadLettered == 0 && poisonMissing == 0
            && poisonWithoutReason == 0 && driverFailures.isEmpty && ignoredSIGTERM.isEmpty
    }

    public var summary: String {
        var lines = ["\(fault): sent \(sent) (acknowledged \(acknowledged), retried \(driverRetries)), "
            + "recovery \(recovery.map { String(format: "%.1f s", $0.inSeconds) } ?? "never")"]
        lines += consumers.map { "  \($0)" }
        if poisonProduced > 0 { lines.append("  poison produced: \(poisonProduced) per consumer") }
        if !ignoredSIGTERM.isEmpty { lines.append("  ignored SIGTERM at teardown: \(ignoredSIGTERM.joined(separator: ", "))") }
        lines += driverFailures.prefix(5).map { "  driver: \($0)" }
        lines.append("  logs: \(logDirectory)")
        return lines.joined(separator: "\n")
    }

    /// The benchmark table: a header and one row per fault.
    public static let tableHeader = columns(["fault", "sent", "applied", "lost", "twice", "duplicates", "order",
                                             "dead-letter", "recovery"])

    public var tableRow: String {
        Self.columns([fault.rawValue, "\(sent)", "\(effectsApplied)", "\(lost)", "\(appliedTwice)", "\(duplicatesDropped)",
                      "\(orderViolations)", "\(goodDeadLettered)+\(consumers.reduce(0) { $0 + $1.poisonDeadLettered })p",
                      recovery.map { String(format: "%.1f s", $0.inSeconds) } ?? "never"])
    }

    static let widths = [17, 8, 9, 6, 6, 11, 6, 12, 10]

    /// Left-aligned first column, the rest right-aligned.
    static func columns(_ cells: [String]) -> String {
        zip(cells, widths).enumerated().map { index, pair in
            let (cell, width) = pair
            let padding = String(repeating: " ", count: max(0, width - cell.count))
            return index == 0 ? cell + padding : padding + cell
        }.joined(separator: " ")
    }
}

extension Duration {
    var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
