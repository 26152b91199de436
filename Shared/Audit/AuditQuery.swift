import Foundation

/// Which audit rows to read: the filters of `GET /audit-log?person=&from=&to=&sub=`, the region
/// the auditor may see, and a page. Every filter left nil matches every row.
public struct AuditQuery: Sendable, Equatable {
    public static let defaultLimit = 500
    public static let maximumLimit = 5_000

    /// Rows whose `personRefs` contain this person ref.
    public var person: String?
    /// Rows of this actor (the token's `sub`).
    public var subject: String?
    /// Rows written at or after this instant.
    public var from: Date?
    /// Rows written before this instant (exclusive, so consecutive ranges do not overlap).
    public var to: Date?
    /// Rows whose token region starts with these characters: the significant digits of the
    /// auditor's region (`6204` for a city, `620423` for a county), so the auditor sees the actions
    /// of officers within that region. Compared as a plain prefix, not a LIKE pattern.
    public var regionPrefix: String?
    /// Paging: rows with a sequence number above this one.
    public var afterSequence: Int64?
    /// Paging: rows with a sequence number below this one.
    public var beforeSequence: Int64?
    /// Newest first (descending sequence) instead of oldest first: with `beforeSequence`, the page
    /// before the one shown.
    public var newestFirst: Bool
    /// At most this many rows, between 1 and `maximumLimit` (values outside are brought inside).
    public var limit: Int

    public init(
        person: String? = nil, subject: String? = nil, from: Date? = nil, to: Date? = nil, regionPrefix: String? = nil,
        afterSequence: Int64? = nil, beforeSequence: Int64? = nil, newestFirst: Bool = false, limit: Int = defaultLimit
    ) {
        self.person = person
        self.subject = subject
        self.from = from
        self.to = to
        self.regionPrefix = regionPrefix
        self.afterSequence = afterSequence
        self.beforeSequence = beforeSequence
        self.newestFirst = newestFirst
        self.limit = limit
    }

    /// `limit` brought within 1…`maximumLimit`.
    public var effectiveLimit: Int { min(max(limit, 1), Self.maximumLimit) }
}
