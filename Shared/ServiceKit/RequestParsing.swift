import Contracts
import Foundation

/// Parsing of request fields into domain values, with the stable codes every service uses.
/// A bad field becomes a `RuleViolation.invalid`, which `ProblemMiddleware` answers with 400.
public enum RequestParsing {
    public static func residentID(_ text: String, field: String) throws(RuleViolation) -> ResidentID {
        do { return try ResidentID(text) } catch { throw .invalid(error.code, "\(field): \(error)") }
    }

    public static func date(_ text: String, field: String) throws(RuleViolation) -> CivilDate {
        do { return try CivilDate(iso: text) } catch { throw .invalid("request.invalid-date", "\(field) must be a real date as YYYY-MM-DD") }
    }

    public static func month(_ text: String, field: String) throws(RuleViolation) -> YearMonth {
        do { return try YearMonth(iso: text) } catch { throw .invalid("request.invalid-month", "\(field) must be a month as YYYY-MM") }
    }

    public static func region(_ text: String, field: String) throws(RuleViolation) -> RegionCode {
        do { return try RegionCode(text) } catch { throw .invalid(error.code, "\(field): \(error)") }
    }

    public static func personRef(_ text: String, field: String) throws(RuleViolation) -> PersonRef {
        // The value's own code, as for resident IDs and region codes.
        do { return try PersonRef(rawValue: text) } catch { throw .invalid(error.code, "\(field) must be a person ref (pr_ and 64 hex digits)") }
    }

    /// A non-negative amount in fen.
    public static func fen(_ value: Int64, field: String) throws(RuleViolation) -> Money {
        guard value >= 0 else { throw .invalid("request.invalid-amount", "\(field) must be a non-negative number of fen") }
        return Money(fen: value)
    }

    /// A raw-value enum, with the accepted values in the message.
    public static func choice<T: RawRepresentable & CaseIterable>(_ text: String, field: String, as _: T.Type) throws(RuleViolation) -> T
    where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            throw .invalid("request.invalid-\(field)", "\(field) must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    public static func nonEmpty(_ text: String, field: String, max: Int = 64) throws(RuleViolation) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard (1...max).contains(trimmed.count) else { throw .invalid("request.invalid-\(field)", "\(field) must have 1 to \(max) characters") }
        return trimmed
    }
}
