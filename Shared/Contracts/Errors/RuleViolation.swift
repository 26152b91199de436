/// How a refused request should be reported; adapters map it (HTTP: 400/422/404/409/503/401/403).
public enum RefusalKind: Sendable, Equatable {
    /// Malformed input: a bad checksum, an impossible date, an unknown enum value.
    case invalidInput
    /// Well-formed input that a domain rule refuses.
    case ruleViolated
    case notFound
    /// The request contradicts what is already recorded.
    case conflict
    /// A source the decision needs (another agency's service) cannot be asked now; nothing was
    /// written, and the same request may succeed later.
    case unavailable
    /// The caller could not be identified: no token, or one that cannot be trusted.
    case unauthenticated
    /// The caller is known but may not do this, or not for this region.
    case forbidden
}

/// A refusal from domain code, with a stable `code` clients may branch on.
/// Domain types throw it; they know nothing about HTTP.
public struct RuleViolation: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: String
    public var detail: String
    public var kind: RefusalKind

    public init(_ code: String, _ detail: String, kind: RefusalKind = .ruleViolated) {
        self.code = code
        self.detail = detail
        self.kind = kind
    }

    public static func invalid(_ code: String, _ detail: String) -> RuleViolation {
        RuleViolation(code, detail, kind: .invalidInput)
    }

    public var description: String { "\(code): \(detail)" }
}
