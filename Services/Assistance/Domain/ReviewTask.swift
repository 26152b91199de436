import Contracts
import Foundation

/// A caseworker's task on a household: a periodic review (定期核查), a re-verification after a
/// change report or a life event, a household that changed, a 特困 minor turning 18. A task is
/// opened once per household, kind and cause.
public struct ReviewTask: Sendable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case periodicReview = "periodic-review"
        case reverification = "re-verification"
        case householdChanged = "household-changed"
        case turningAdult = "turning-adult"
    }

    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case open, done
    }

    public let id: UUID
    public let caseID: UUID?
    public let householdID: UUID
    public let kind: Kind
    public let reason: String
    public let dueOn: CivilDate
    public let status: Status

    public init(id: UUID, caseID: UUID?, householdID: UUID, kind: Kind, reason: String, dueOn: CivilDate, status: Status) {
        self.id = id
        self.caseID = caseID
        self.householdID = householdID
        self.kind = kind
        self.reason = reason
        self.dueOn = dueOn
        self.status = status
    }
}
