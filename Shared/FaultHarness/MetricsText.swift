/// Sums of Prometheus text-format samples, e.g. every `inbox_events_total` series whose
/// labels include `outcome="duplicate"`.
enum MetricsText {
    static func sum(_ text: String, metric: String, label: String) -> Int {
        var total = 0.0
        for line in text.split(separator: "\n") where line.hasPrefix(metric + "{") && line.contains(label) {
            if let value = line.split(separator: " ").last.flatMap({ Double($0) }) { total += value }
        }
        return Int(total)
    }

    static func duplicates(_ text: String?) -> Int {
        text.map { sum($0, metric: "inbox_events_total", label: #"outcome="duplicate""#) } ?? 0
    }
}
