import Contracts
import ElderCareDomain
import Foundation

/// One application for a public institution as stored: the domain's entry (its state machine),
/// the circumstances recorded at application, and where it was placed.
struct StoredWaitingListEntry: Sendable {
    var id: UUID
    var region: RegionCode
    var entry: WaitingListEntry
    var circumstances: ApplicantCircumstances
    /// The institution and bed of the current offer or placement; nil while waiting.
    var institution: UUID?
    var bed: BedType?
    /// The class the person was placed in (at the offer).
    var placedPriority: PriorityClass?
    /// The offer was made for 特困 centralised support (集中供养).
    var centralisedSupport: Bool
    /// The level of the person's latest assessment, read with the entry (not stored in it).
    var latestLevel: CapabilityLevel?

    /// The class the entry is queued in today: its circumstances with the latest assessment.
    var priority: PriorityClass {
        var current = circumstances
        current.capability = latestLevel ?? entry.capability
        return PriorityClass(current)
    }

    var candidate: WaitingListOrder.Candidate {
        WaitingListOrder.Candidate(person: entry.person, appliedAt: entry.appliedAt, priority: priority)
    }
}
