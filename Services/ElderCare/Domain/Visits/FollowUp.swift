import Contracts
import Foundation

/// The follow-up a risk flag opens: open until someone records what was done about it.
///
/// Seed 002 L13 asks that risks be "及时排查化解" — found and resolved — so a flag is not closed
/// without the action taken. Service rule: the seeds set no deadline.
public struct FollowUp: Sendable, Hashable, Codable {
    public enum Status: Sendable, Hashable, Codable {
        case open
        case closed(on: CivilDate, action: String, by: String)
    }

    public let flag: RiskFlag
    public let openedOn: CivilDate
    public private(set) var status: Status

    public init(flag: RiskFlag, openedOn: CivilDate) {
        self.flag = flag
        self.openedOn = openedOn
        self.status = .open
    }

    public var isOpen: Bool { status == .open }

    /// Closes with what was done (a referral to Assistance, a repair, a talk with the children).
    /// Refuses a second closing (`follow-up.already-closed`, 409), a date before the opening
    /// (`follow-up.closed-before-opened`) and an empty action or closer (`follow-up.action-missing`).
    public mutating func close(on date: CivilDate, action: String, by userID: String) throws(RuleViolation) {
        guard isOpen else {
            throw RuleViolation("follow-up.already-closed", "the \(flag.chineseName) follow-up is already closed", kind: .conflict)
        }
        guard date >= openedOn else {
            throw RuleViolation("follow-up.closed-before-opened", "the follow-up opened on \(openedOn), after \(date)")
        }
        let text = action.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, !userID.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw RuleViolation.invalid("follow-up.action-missing", "a follow-up is closed with what was done, by whom")
        }
        status = .closed(on: date, action: text, by: userID)
    }
}
