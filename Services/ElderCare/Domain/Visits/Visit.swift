import Contracts
import Foundation

/// A visit (探访/巡访) to a key elder: who visited, when, how, what they found and the risks they
/// flagged. Seed 002 L12–L13 (巡访关爱, 排查化解风险).
public struct Visit: Sendable, Hashable, Codable {
    /// The visitor's user id (a caseworker, a village's 协理员, a social worker, a volunteer).
    public let visitorID: String
    public let visitedOn: CivilDate
    public let mode: VisitMode
    public let findings: String
    public let riskFlags: Set<RiskFlag>

    /// Refuses a missing visitor (`visit.visitor-missing`), a visit after `today`
    /// (`visit.in-future`), a visit before the person was registered (`visit.before-registration`)
    /// and empty findings (`visit.findings-missing`: a visit without a word of what was found
    /// cannot be checked).
    public init(visitorID: String, visitedOn: CivilDate, mode: VisitMode, findings: String, riskFlags: Set<RiskFlag> = [],
                registeredOn: CivilDate, today: CivilDate) throws(RuleViolation) {
        guard !visitorID.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw RuleViolation.invalid("visit.visitor-missing", "a visit names its visitor")
        }
        guard visitedOn <= today else {
            throw RuleViolation.invalid("visit.in-future", "a visit on \(visitedOn) cannot be recorded on \(today)")
        }
        guard visitedOn >= registeredOn else {
            throw RuleViolation("visit.before-registration", "the person was registered on \(registeredOn), after \(visitedOn)")
        }
        let text = findings.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw RuleViolation.invalid("visit.findings-missing", "a visit records what the visitor found")
        }
        self.visitorID = visitorID
        self.visitedOn = visitedOn
        self.mode = mode
        self.findings = text
        self.riskFlags = riskFlags
    }

    /// One open follow-up per flag, in the flags' order.
    public func followUps() -> [FollowUp] {
        riskFlags.sorted().map { FollowUp(flag: $0, openedOn: visitedOn) }
    }
}
