import Foundation

/// RFC 3339 timestamps with millisecond precision, always in UTC.
public enum RFC3339 {
    /// Formats with integer arithmetic (the calendar part is `CivilDate`'s): this runs for
    /// every event header, and Foundation's format styles cost several microseconds each.
    public static func format(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1_000).rounded())
        let days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
        let inDay = milliseconds - days * 86_400_000
        // Dates outside years 1–9999 cannot occur in events; fall back to Foundation for them.
        guard let day = try? CivilDate(daysSinceEpoch: Int(days)) else { return date.formatted(.iso8601) }
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
        }
        return "\(day.iso)T\(pad(inDay / 3_600_000, 2)):\(pad(inDay / 60_000 % 60, 2)):"
            + "\(pad(inDay / 1_000 % 60, 2)).\(pad(inDay % 1_000, 3))Z"
    }

    public static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true)) {
            return date
        }
        return try? Date(text, strategy: .iso8601)
    }
}
