import Contracts
import Foundation

/// One application for a place in a public institution, as a state machine that refuses steps
/// out of turn.
///
/// Refusals: an applicant under 60 (`waiting-list.under-60`); a step the state does not allow
/// (`waiting-list.transition-not-allowed`, 409, naming the state and the step); a step dated
/// before the previous one (`waiting-list.step-before-previous`); a step on a closed application
/// (`waiting-list.closed`, 409). A death discharges a resident (freeing the bed) and removes an
/// applicant from the list (``stepOnDeath(on:)``).
public struct WaitingListEntry: Sendable, Hashable, Codable {
    public let person: PersonRef
    /// The moment the application was made: it orders applicants within a priority class.
    public let appliedAt: Date
    public let appliedOn: CivilDate
    public private(set) var state: WaitingListState
    /// The latest assessment's level (kept through the later states).
    public private(set) var capability: CapabilityLevel?
    public private(set) var declinedOffers: Int
    public private(set) var lastStepOn: CivilDate

    /// Refuses an applicant under 60 on the day of application (`waiting-list.under-60`). The day is
    /// `appliedAt` in Beijing time.
    public init(applicant id: ResidentID, person: PersonRef, appliedAt: Date) throws(RuleViolation) {
        let day = CivilDate.today(in: CivilDate.shanghai, now: appliedAt)
        guard OlderPerson.includes(id, on: day) else {
            throw RuleViolation("waiting-list.under-60", "\(id.masked) is \(id.age(on: day)) on \(day); public institutions admit from 60")
        }
        self.person = person
        self.appliedAt = appliedAt
        self.appliedOn = day
        self.state = .applied
        self.capability = nil
        self.declinedOffers = 0
        self.lastStepOn = day
    }

    /// Applies `step`, or throws and leaves the entry as it was.
    public mutating func apply(_ step: WaitingListStep) throws(RuleViolation) {
        if state.isFinal {
            throw RuleViolation("waiting-list.closed", "the application is \(state.name); nothing more happens to it", kind: .conflict)
        }
        guard step.date >= lastStepOn else {
            throw RuleViolation("waiting-list.step-before-previous", "\(step.name) on \(step.date) is before the previous step on \(lastStepOn)")
        }
        guard let next = Self.transition(from: state, by: step) else {
            throw RuleViolation("waiting-list.transition-not-allowed", "an application that is \(state.name) cannot \(step.name)", kind: .conflict)
        }
        if case .assess(let level, _) = step { capability = level }
        if case .decline = step { declinedOffers += 1 }
        state = next
        lastStepOn = step.date
    }

    /// The step a death on `date` takes: discharge from a bed, removal from the list; nil when
    /// the application is already closed.
    public func stepOnDeath(on date: CivilDate) -> WaitingListStep? {
        if state.isFinal { return nil }
        return state.occupiesBed ? .discharge(on: max(date, lastStepOn), reason: .death) : .remove(on: max(date, lastStepOn), reason: .death)
    }

    /// The application as it stood before a death that the Registry then annulled (the person is
    /// alive): back in the queue with its application time, or back to `applied` when it was never
    /// assessed. A resident discharged by the death returns to the queue too, not to the bed, which
    /// may have been given to someone else since (service rule, docs/rules.md). Nil unless the
    /// application was closed by a death.
    public func reopenedAfterAnnulledDeath(on date: CivilDate) -> WaitingListEntry? {
        switch state {
        case .removed(_, .death), .discharged(_, .death):
            var reopened = self
            reopened.state = capability == nil ? .applied : .queued
            reopened.lastStepOn = max(date, lastStepOn)
            return reopened
        default:
            return nil
        }
    }

    /// The state machine: the state `step` leads to from `state`, nil when not allowed.
    public static func transition(from state: WaitingListState, by step: WaitingListStep) -> WaitingListState? {
        switch (state, step) {
        case (.applied, .assess(let level, _)): .assessed(level)
        case (.assessed, .queue): .queued
        case (.queued, .offer(let offer)): .offered(offer)
        case (.offered, .decline): .queued
        case (.offered(let offer), .admit(let on)): .admitted(institution: offer.institution, on: on)
        case (.admitted(let institution, _), .confirmResidence(let on)): .resident(institution: institution, since: on)
        case (.admitted, .discharge(let on, let reason)), (.resident, .discharge(let on, let reason)): .discharged(on: on, reason: reason)
        case (.applied, .withdraw(let on)), (.assessed, .withdraw(let on)), (.queued, .withdraw(let on)), (.offered, .withdraw(let on)):
            .withdrawn(on: on)
        case (.applied, .remove(let on, let reason)), (.assessed, .remove(let on, let reason)), (.queued, .remove(let on, let reason)),
             (.offered, .remove(let on, let reason)):
            .removed(on: on, reason: reason)
        default: nil
        }
    }
}
