import Contracts
import Foundation

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
