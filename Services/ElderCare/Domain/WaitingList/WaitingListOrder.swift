import Contracts
import Foundation

/// The order in which queued applicants are offered beds: by priority class (``PriorityClass``),
/// then by application time, then (for two applications in the same instant) by person reference,
/// so the order is total and the same on every run.
public enum WaitingListOrder {
    public struct Candidate: Sendable, Hashable {
        public let person: PersonRef
        public let appliedAt: Date
        public let priority: PriorityClass

        public init(person: PersonRef, appliedAt: Date, priority: PriorityClass) {
            self.person = person
            self.appliedAt = appliedAt
            self.priority = priority
        }

        /// A queued entry with the circumstances the register knows now.
        public init(_ entry: WaitingListEntry, circumstances: ApplicantCircumstances) {
            self.init(person: entry.person, appliedAt: entry.appliedAt, priority: PriorityClass(circumstances))
        }
    }

    /// Whether `a` is offered a bed before `b`.
    public static func precedes(_ a: Candidate, _ b: Candidate) -> Bool {
        if a.priority != b.priority { return a.priority < b.priority }
        if a.appliedAt != b.appliedAt { return a.appliedAt < b.appliedAt }
        return a.person < b.person
    }

    public static func ordered(_ candidates: [Candidate]) -> [Candidate] {
        candidates.sorted(by: precedes)
    }

    /// Who is offered the next bed: the first in order, nil when nobody waits.
    public static func next(_ candidates: [Candidate]) -> Candidate? {
        candidates.min(by: precedes)
    }

    /// The 1-based position of `person` in the queue, for telling an applicant where they stand.
    public static func position(of person: PersonRef, in candidates: [Candidate]) -> Int? {
        ordered(candidates).firstIndex { $0.person == person }.map { $0 + 1 }
    }
}
