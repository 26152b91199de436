import Contracts

/// An application for one of the two subsidies, from the township window to the county's decision.
///
/// submitted (一门受理: any township takes it in) → township-reviewed (乡镇初审: the township
/// has seen the certificate and the household) → granted (the county's approver; the subsidy is
/// paid from the month after approval, as a 低保 case is) | rejected (with a reason, at any step).
/// Unlike 低保 there is no economic verification and no public notice: the living subsidy reads
/// the household's standing that Assistance already holds, and the nursing subsidy asks only the
/// certificate. The steps follow the national scheme (国发〔2015〕52号: 乡镇受理初审、县级审定); the
/// seeds name the subsidies and their extensions, not the procedure.
///
/// Codes, as the 低保 workflow's: `application.already-decided` (409), `application.invalid-transition` (409),
/// `application.date-out-of-order`, `application.rejection-reason-missing`.
public struct DisabilitySubsidyApplicationWorkflow: Sendable, Hashable, Codable {
    public enum State: Sendable, Hashable, Codable {
        case submitted
        case townshipReviewed(on: CivilDate)
        case granted(approvedOn: CivilDate, firstMonth: YearMonth)
        case rejected(on: CivilDate, reason: String)

        public var name: String {
            switch self {
            case .submitted: "submitted"
            case .townshipReviewed: "township-reviewed"
            case .granted: "granted"
            case .rejected: "rejected"
            }
        }

        public var isFinal: Bool {
            switch self {
            case .granted, .rejected: true
            case .submitted, .townshipReviewed: false
            }
        }
    }

    public let submittedOn: CivilDate
    public private(set) var state: State
    /// The latest date of any step; a step dated earlier is refused.
    public private(set) var lastActivityOn: CivilDate

    public init(submittedOn: CivilDate) {
        self.submittedOn = submittedOn
        self.state = .submitted
        self.lastActivityOn = submittedOn
    }

    /// The first month an approval on `date` would pay: the month after (as ``ApplicationWorkflow/benefitStart(approvedOn:)``).
    public static func firstMonth(approvedOn date: CivilDate) -> YearMonth {
        ApplicationWorkflow.benefitStart(approvedOn: date).yearMonth
    }

    /// submitted → township-reviewed.
    public mutating func reviewByTownship(on date: CivilDate) throws(RuleViolation) {
        try expect(date) { if case .submitted = $0 { true } else { false } }
        commit(.townshipReviewed(on: date), on: date)
    }

    /// township-reviewed → granted; returns the first month paid.
    @discardableResult
    public mutating func approve(on date: CivilDate) throws(RuleViolation) -> YearMonth {
        try expect(date) { if case .townshipReviewed = $0 { true } else { false } }
        let first = Self.firstMonth(approvedOn: date)
        commit(.granted(approvedOn: date, firstMonth: first), on: date)
        return first
    }

    /// Any undecided state → rejected.
    public mutating func reject(on date: CivilDate, reason: String) throws(RuleViolation) {
        try expect(date) { _ in true }
        guard reason.contains(where: { !$0.isWhitespace }) else {
            throw RuleViolation.invalid("application.rejection-reason-missing", "a rejection needs a reason")
        }
        commit(.rejected(on: date, reason: reason), on: date)
    }

    private func expect(_ date: CivilDate, _ allowed: (State) -> Bool) throws(RuleViolation) {
        if state.isFinal {
            throw RuleViolation("application.already-decided", "the application is already \(state.name)", kind: .conflict)
        }
        guard allowed(state) else {
            throw RuleViolation("application.invalid-transition", "not allowed in state \(state.name)", kind: .conflict)
        }
        guard date >= lastActivityOn else {
            throw RuleViolation.invalid("application.date-out-of-order", "\(date) is before the previous step on \(lastActivityOn)")
        }
    }

    private mutating func commit(_ next: State, on date: CivilDate) {
        state = next
        lastActivityOn = date
    }
}
