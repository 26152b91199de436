import Contracts

/// An explicit decision to publish a 特困 basic standard below 1.3 × 低保, with its reason.
///
/// Why an override exists at all: the rule holds "原则上不低于1.3倍" — *in principle* (《景泰县“十四五”民政事业发展规划》第三章（一）2),
/// so a county may depart from it, but only knowingly and on the record.
public struct StandardOverride: Sendable, Hashable, Codable {
    public let reason: String

    /// Refuses an empty or whitespace-only reason (`standard.override-reason-missing`).
    public init(reason: String) throws(RuleViolation) {
        guard reason.contains(where: { !$0.isWhitespace }) else {
            throw RuleViolation.invalid("standard.override-reason-missing", "an override of the 1.3× rule needs a reason")
        }
        self.reason = reason
    }
}
