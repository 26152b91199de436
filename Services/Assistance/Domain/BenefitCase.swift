import Contracts
import Foundation

/// Where a case stands.
public enum CaseStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case active
    /// Ending: paid until its last month (渐退, or a 特困 review that found no basis), then terminated.
    case exiting
    /// Not paid from a month on (a sole recipient's death).
    case suspended
    case terminated
}

/// A benefit case: whom it covers, what it owes per month (``CaseTerms``) and the deaths it has
/// taken into account.
public struct BenefitCase: Sendable {
    public let id: UUID
    public let householdID: UUID
    public let program: AssistanceProgram
    public let region: RegionCode
    public var recipients: [PersonRef]
    public var terms: CaseTerms
    public var status: CaseStatus
    /// Why the case is suspended (`death`), if it is.
    public var suspensionReason: String?
    /// Members who died while covered: kept so a corrected or annulled death can be reversed.
    public var departed: [Departure]

    public init(id: UUID, householdID: UUID, program: AssistanceProgram, region: RegionCode, recipients: [PersonRef],
                terms: CaseTerms, status: CaseStatus, suspensionReason: String?, departed: [Departure]) {
        self.id = id
        self.householdID = householdID
        self.program = program
        self.region = region
        self.recipients = recipients
        self.terms = terms
        self.status = status
        self.suspensionReason = suspensionReason
        self.departed = departed
    }

    /// Refuses `case.not-active` (a conflict) unless the case is active; `purpose` says what
    /// needs an active case, for the message.
    public func requireActive(for purpose: String) throws(RuleViolation) {
        guard status == .active else {
            throw RuleViolation("case.not-active", "case \(id) is \(status.rawValue); \(purpose)", kind: .conflict)
        }
    }
}

/// A covered person's death as applied to a case.
public struct Departure: Codable, Sendable, Equatable {
    public var person: PersonRef
    public var dateOfDeath: CivilDate
    /// The first month without the person (the month after the death).
    public var fromMonth: YearMonth
    /// Whether the person was the case's only recipient (the case was suspended) or a member
    /// of a larger household (the household was recomputed).
    public var soleRecipient: Bool
    /// The monthly amount before the departure, restored if the death is annulled.
    public var amountBeforeFen: Int64
    public var eventID: UUID

    public init(person: PersonRef, dateOfDeath: CivilDate, fromMonth: YearMonth, soleRecipient: Bool, amountBeforeFen: Int64,
                eventID: UUID) {
        self.person = person
        self.dateOfDeath = dateOfDeath
        self.fromMonth = fromMonth
        self.soleRecipient = soleRecipient
        self.amountBeforeFen = amountBeforeFen
        self.eventID = eventID
    }
}
