import Contracts
import Foundation

/// What can happen to an application, each with its day.
public enum WaitingListStep: Sendable, Hashable, Codable {
    /// The capability assessment (GB/T 42195-2022) was made: applied → assessed.
    case assess(CapabilityLevel, on: CivilDate)
    /// The section puts the assessed application in the queue: assessed → queued.
    case queue(on: CivilDate)
    /// A bed is offered: queued → offered.
    case offer(WaitingListOffer)
    /// The applicant declines the offer and goes back to the queue, keeping the application time
    /// (service rule; the seeds set no limit on declines): offered → queued.
    case decline(on: CivilDate)
    /// Moves in on a trial stay: offered → admitted.
    case admit(on: CivilDate)
    /// The trial stay ends well: admitted → resident.
    case confirmResidence(on: CivilDate)
    /// Leaves the institution: admitted or resident → discharged.
    case discharge(on: CivilDate, reason: DischargeReason)
    /// The applicant withdraws before moving in.
    case withdraw(on: CivilDate)
    /// The section takes the application off the list before admission.
    case remove(on: CivilDate, reason: RemovalReason)

    public var date: CivilDate {
        switch self {
        case .assess(_, let on), .queue(let on), .decline(let on), .admit(let on), .confirmResidence(let on),
             .discharge(let on, _), .withdraw(let on), .remove(let on, _):
            on
        case .offer(let offer): offer.offeredOn
        }
    }

    public var name: String {
        switch self {
        case .assess: "assess"
        case .queue: "queue"
        case .offer: "offer"
        case .decline: "decline"
        case .admit: "admit"
        case .confirmResidence: "confirm-residence"
        case .discharge: "discharge"
        case .withdraw: "withdraw"
        case .remove: "remove"
        }
    }
}
