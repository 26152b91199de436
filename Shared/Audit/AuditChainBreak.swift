/// The first place where the stored chain differs from the one the rows imply.
public struct AuditChainBreak: Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The row's hash is not the hash of its own content: the row was edited.
        case hashMismatch
        /// The row's `previous_hash` is not the hash of the row before it (or, for the first row,
        /// not 32 zero bytes): a row before it was removed or slipped in.
        case previousHashMismatch
        /// Sequence numbers `from…through` are missing before this row. Numbers are assigned
        /// without gaps (see `AuditMigrations`), so those rows were deleted.
        case missingSequences(from: Int64, through: Int64)
    }

    /// The row at which the break shows.
    public var sequence: Int64
    public var reason: Reason

    public init(sequence: Int64, reason: Reason) {
        self.sequence = sequence
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .hashMismatch:
            "hash does not match (row edited)"
        case .previousHashMismatch:
            sequence == 1
                ? "previous hash is not the chain's start (row replaced)"
                : "previous hash does not match sequence \(sequence - 1) (row deleted or inserted before it)"
        case .missingSequences(let from, let through) where from == through:
            "sequence \(from) missing (row deleted)"
        case .missingSequences(let from, let through):
            "sequences \(from)–\(through) missing (rows deleted)"
        }
    }
}
