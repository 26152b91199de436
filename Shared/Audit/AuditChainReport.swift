import Foundation

/// What `AuditChainVerifier` found.
public struct AuditChainReport: Sendable, Equatable {
    /// Rows read and recomputed (all of them, also past a break).
    public var rowsChecked: Int
    /// The newest row's sequence and hash: the head of the chain. Recording it elsewhere lets a
    /// later run show whether rows were lost from the end, which the chain alone cannot.
    public var headSequence: Int64?
    public var headHash: Data?
    /// The first break in sequence order, or nil when the chain is intact.
    public var firstBreak: AuditChainBreak?

    public init(rowsChecked: Int, headSequence: Int64?, headHash: Data?, firstBreak: AuditChainBreak?) {
        self.rowsChecked = rowsChecked
        self.headSequence = headSequence
        self.headHash = headHash
        self.firstBreak = firstBreak
    }

    public var isIntact: Bool { firstBreak == nil }

    /// One line for people: "audit log: 1234 rows, chain intact" or
    /// "audit log: chain broken at sequence 17: hash does not match (row edited)".
    public var summary: String {
        guard let firstBreak else {
            return "audit log: \(rowsChecked) \(rowsChecked == 1 ? "row" : "rows"), chain intact"
        }
        return "audit log: chain broken at sequence \(firstBreak.sequence): \(firstBreak)"
    }

    /// "head: sequence 1234, hash 3fa4…" (the full hash in hex), or nil for an empty log.
    public var head: String? {
        guard let headSequence, let headHash else { return nil }
        return "head: sequence \(headSequence), hash \(headHash.map { String(format: "%02x", $0) }.joined())"
    }
}
