import Foundation

/// Checks audit rows one at a time, in sequence order, against the row before: the verifier's
/// rules without its I/O. Remembers only the previous row, so any number of rows fit.
struct AuditChainWalk {
    private(set) var rowsChecked = 0
    private(set) var firstBreak: AuditChainBreak?
    private var previous: (sequence: Int64, hash: Data)?

    mutating func check(_ record: AuditRecord) {
        rowsChecked += 1
        let expectedSequence = (previous?.sequence ?? 0) + 1
        let expectedPrevious = previous?.hash ?? AuditCanonicalForm.genesisHash
        previous = (record.sequence, record.hash)
        guard firstBreak == nil else { return }
        if record.sequence > expectedSequence {
            firstBreak = AuditChainBreak(
                sequence: record.sequence, reason: .missingSequences(from: expectedSequence, through: record.sequence - 1))
        } else if record.previousHash != expectedPrevious {
            firstBreak = AuditChainBreak(sequence: record.sequence, reason: .previousHashMismatch)
        } else if record.hash != AuditCanonicalForm.hash(
            previous: record.previousHash, sequence: record.sequence, atMicroseconds: record.atMicroseconds, entry: record.entry
        ) {
            firstBreak = AuditChainBreak(sequence: record.sequence, reason: .hashMismatch)
        }
    }

    var report: AuditChainReport {
        AuditChainReport(rowsChecked: rowsChecked, headSequence: previous?.sequence, headHash: previous?.hash, firstBreak: firstBreak)
    }
}
