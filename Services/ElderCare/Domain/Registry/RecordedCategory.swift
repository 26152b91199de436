import Foundation
import Contracts

/// A key category a caseworker recorded: which, from when, on what evidence, by whom, and
/// when it ended, if it did.
///
/// Only categories whose ``KeyCategory/origin`` allows it can be recorded: 高龄, 特困, 重残 and
/// 失能 follow from other records, so recording them by hand would let the register disagree
/// with those records. Service rule.
public struct RecordedCategory: Sendable, Hashable, Codable {
    public let category: KeyCategory
    public let effectiveFrom: CivilDate
    public let evidence: CategoryEvidence
    /// The caseworker's user id (not a name: the register's people are in its own tables).
    public let recordedBy: String
    public private(set) var endedOn: CivilDate?
    public private(set) var endReason: String?

    /// Refuses a derived category (`elder-category.not-recordable`) and a missing recorder
    /// (`elder-category.recorder-missing`).
    public init(category: KeyCategory, effectiveFrom: CivilDate, evidence: CategoryEvidence, recordedBy: String) throws(RuleViolation) {
        guard category.isRecordable else {
            throw RuleViolation("elder-category.not-recordable",
                                "\(category.chineseName) is \(category.origin), not recorded by hand")
        }
        guard !recordedBy.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw RuleViolation.invalid("elder-category.recorder-missing", "a recorded category names the caseworker who recorded it")
        }
        self.category = category
        self.effectiveFrom = effectiveFrom
        self.evidence = evidence
        self.recordedBy = recordedBy
    }

    /// Ends the category on `date`, its last day. Refuses a second end (`elder-category.already-ended`,
    /// 409) and an end before the start (`elder-category.ends-before-start`).
    public mutating func end(on date: CivilDate, reason: String) throws(RuleViolation) {
        if let endedOn {
            throw RuleViolation("elder-category.already-ended", "\(category.chineseName) already ended on \(endedOn)", kind: .conflict)
        }
        guard date >= effectiveFrom else {
            throw RuleViolation("elder-category.ends-before-start", "\(category.chineseName) starts on \(effectiveFrom), after \(date)")
        }
        endedOn = date
        endReason = reason
    }

    /// Whether the record holds on `date`: from its first day through its last.
    public func holds(on date: CivilDate) -> Bool {
        date >= effectiveFrom && (endedOn.map { date <= $0 } ?? true)
    }
}
