import Contracts
import Foundation

/// Where an application for a place in a public institution (公建养老机构入住轮候) stands.
///
/// apply → assessed → queued → offered → admitted → resident → discharged, with withdrawn (by the
/// applicant) and removed (by the section: death, no longer eligible) possible before admission.
/// Seed 001 L24 "建立公建养老机构入住轮候制度"; the steps follow seed 002 L10 (assessment, then
/// 集中托养) and the issue; "admitted" is the move-in on a trial stay (试住) and "resident" its
/// confirmation, as institutions' admission contracts have it (service rule).
public enum WaitingListState: Sendable, Hashable, Codable {
    case applied
    case assessed(CapabilityLevel)
    case queued
    case offered(WaitingListOffer)
    case admitted(institution: UUID, on: CivilDate)
    case resident(institution: UUID, since: CivilDate)
    case discharged(on: CivilDate, reason: DischargeReason)
    case withdrawn(on: CivilDate)
    case removed(on: CivilDate, reason: RemovalReason)

    /// A stable name for API bodies, events and refusals.
    public var name: String {
        switch self {
        case .applied: "applied"
        case .assessed: "assessed"
        case .queued: "queued"
        case .offered: "offered"
        case .admitted: "admitted"
        case .resident: "resident"
        case .discharged: "discharged"
        case .withdrawn: "withdrawn"
        case .removed: "removed"
        }
    }

    public var isFinal: Bool {
        switch self {
        case .discharged, .withdrawn, .removed: true
        default: false
        }
    }

    /// Whether the person occupies a bed (admitted on trial or resident).
    public var occupiesBed: Bool {
        switch self {
        case .admitted, .resident: true
        default: false
        }
    }
}
