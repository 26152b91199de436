import Foundation

/// A stored audit row: the entry, where it stands in the chain and when it was written.
public struct AuditRecord: Sendable, Equatable {
    /// 1, 2, 3, … without gaps: assigned under the chain's lock as the last row's plus one.
    public var sequence: Int64
    /// When the row was written, in whole microseconds since 1970 (PostgreSQL's own precision).
    /// The hash covers this integer, so it is kept exactly; `at` is derived from it.
    public var atMicroseconds: Int64
    public var entry: AuditEntry
    /// The hash of the row before (32 zero bytes for the first row).
    public var previousHash: Data
    /// SHA-256 of `previousHash` followed by the row's canonical text (`AuditCanonicalForm`).
    public var hash: Data

    public init(sequence: Int64, atMicroseconds: Int64, entry: AuditEntry, previousHash: Data, hash: Data) {
        self.sequence = sequence
        self.atMicroseconds = atMicroseconds
        self.entry = entry
        self.previousHash = previousHash
        self.hash = hash
    }

    public var at: Date {
        Date(timeIntervalSince1970: TimeInterval(atMicroseconds) / 1_000_000)
    }
}
