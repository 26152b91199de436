import Contracts

/// The application state machine. A value type: each command returns the new state and updates
/// `self`, or throws a `RuleViolation` and leaves `self` unchanged.
///
/// Codes: `application.invalid-transition` (conflict: command not allowed in this state),
/// `application.already-decided` (conflict: granted or rejected), `application.verification-incomplete`,
/// `application.home-visit-missing`, `application.notice-period-not-over`,
/// `application.approver-not-authorised`, `application.rejection-reason-missing`,
/// `application.date-out-of-order`.
public struct ApplicationWorkflow: Sendable, Hashable, Codable {
    public let program: AssistanceProgram
    public let policy: WorkflowPolicy
    public let submittedOn: CivilDate
    public private(set) var state: ApplicationState
    /// Kept across later states so that approval can re-check it: no approval without a completed
    /// verification (a service rule).
    public private(set) var verificationCompletedOn: CivilDate?
    public private(set) var homeVisitOn: CivilDate?
    /// Number of objections received during public notices.
    public private(set) var objections: Int = 0
    /// The latest date of any step; commands dated earlier are refused.
    public private(set) var lastActivityOn: CivilDate

    public init(program: AssistanceProgram, submittedOn: CivilDate, policy: WorkflowPolicy) {
        self.program = program
        self.policy = policy
        self.submittedOn = submittedOn
        self.state = .submitted
        self.lastActivityOn = submittedOn
    }

    /// submitted → economicVerification (核对 started).
    @discardableResult
    public mutating func startVerification(on date: CivilDate) throws(RuleViolation) -> ApplicationState {
        try expect(date) { if case .submitted = $0 { true } else { false } }
        return commit(.economicVerification(completedOn: nil), on: date)
    }

    /// Records that 核对 finished (its result is judged in review, not here).
    @discardableResult
    public mutating func completeVerification(on date: CivilDate) throws(RuleViolation) -> ApplicationState {
        try expect(date) { if case .economicVerification(nil) = $0 { true } else { false } }
        verificationCompletedOn = date
        return commit(.economicVerification(completedOn: date), on: date)
    }

    /// economicVerification(completed) → townshipReview. Refuses `application.verification-incomplete`.
    @discardableResult
    public mutating func beginReview(on date: CivilDate) throws(RuleViolation) -> ApplicationState {
        try expect(date) { if case .economicVerification = $0 { true } else { false } }
        guard verificationCompletedOn != nil else { throw Self.verificationIncomplete }
        return commit(.townshipReview(homeVisitRecorded: false), on: date)
    }

    /// Records the home visit (入户调查) during township review.
    @discardableResult
    public mutating func recordHomeVisit(on date: CivilDate) throws(RuleViolation) -> ApplicationState {
        try expect(date) { if case .townshipReview = $0 { true } else { false } }
        homeVisitOn = date
        return commit(.townshipReview(homeVisitRecorded: true), on: date)
    }

    /// townshipReview(homeVisitRecorded) → publicNotice(startedOn). Refuses `application.home-visit-missing`.
    @discardableResult
    public mutating func startPublicNotice(on date: CivilDate) throws(RuleViolation) -> ApplicationState {
        try expect(date) { if case .townshipReview = $0 { true } else { false } }
        guard case .townshipReview(homeVisitRecorded: true) = state else {
            throw RuleViolation("application.home-visit-missing", "the township review has no home-visit record")
        }
        return commit(.publicNotice(startedOn: date), on: date)
    }

    /// An objection during the notice sends the case back to township review (a service rule).
    @discardableResult
    public mutating func recordObjection(on date: CivilDate) throws(RuleViolation) -> ApplicationState {
        try expect(date) { if case .publicNotice = $0 { true } else { false } }
        objections += 1
        if policy.objectionRequiresNewHomeVisit { homeVisitOn = nil }
        return commit(.townshipReview(homeVisitRecorded: !policy.objectionRequiresNewHomeVisit), on: date)
    }

    /// The first day on which the running notice may be closed, if a notice is running.
    public var noticeEndsOn: CivilDate? {
        guard case .publicNotice(let startedOn) = state else { return nil }
        return startedOn.adding(days: policy.noticeDays)
    }

    /// publicNotice → approval once the notice period is over. Refuses `application.notice-period-not-over`.
    @discardableResult
    public mutating func closePublicNotice(on date: CivilDate) throws(RuleViolation) -> ApplicationState {
        try expect(date) { if case .publicNotice = $0 { true } else { false } }
        if let end = noticeEndsOn, date < end {
            throw RuleViolation("application.notice-period-not-over",
                "the \(policy.noticeDays)-day notice may be closed from \(end); today is \(date)")
        }
        return commit(.approval, on: date)
    }

    /// approval → granted; the benefit starts on the first day of the next month.
    /// Refuses `application.approver-not-authorised` and `application.verification-incomplete`.
    @discardableResult
    public mutating func approve(on date: CivilDate, by authority: ApprovalAuthority) throws(RuleViolation) -> ApplicationState {
        try expect(date) { if case .approval = $0 { true } else { false } }
        guard verificationCompletedOn != nil else { throw Self.verificationIncomplete }
        guard authority == policy.approvingAuthority else {
            throw RuleViolation("application.approver-not-authorised",
                "approval lies with the \(policy.approvingAuthority.rawValue) under this policy, not the \(authority.rawValue)")
        }
        return commit(.granted(approvedOn: date, startsOn: ApplicationWorkflow.benefitStart(approvedOn: date)), on: date)
    }

    /// Any non-final state after submission → rejected. Refuses `application.rejection-reason-missing`.
    @discardableResult
    public mutating func reject(on date: CivilDate, reason: String) throws(RuleViolation) -> ApplicationState {
        try expect(date) { _ in true }
        guard reason.contains(where: { !$0.isWhitespace }) else {
            throw RuleViolation.invalid("application.rejection-reason-missing", "a rejection needs a reason")
        }
        return commit(.rejected(reason: reason), on: date)
    }

    /// The first day of the month after `approvedOn`: the benefit starts the month after approval
    /// (a service rule; the policy documents give no start date).
    public static func benefitStart(approvedOn: CivilDate) -> CivilDate {
        approvedOn.yearMonth.next.firstDay
    }

    // MARK: - Helpers

    private static let verificationIncomplete = RuleViolation("application.verification-incomplete",
        "economic verification (核对) has not been completed")

    private func expect(_ date: CivilDate, _ allowed: (ApplicationState) -> Bool) throws(RuleViolation) {
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

    private mutating func commit(_ next: ApplicationState, on date: CivilDate) -> ApplicationState {
        state = next
        lastActivityOn = date
        return next
    }
}
