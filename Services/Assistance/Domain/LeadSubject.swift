import Contracts
import Foundation

/// What a monitoring lead is about: a household Assistance pays or watches, or a person to reach
/// out to (主动发现) whom it does not serve.
public enum LeadSubject: Sendable, Hashable {
    /// A member of a recipient or near-低保 household: the household, as the lead found it.
    case household(id: UUID, status: HouseholdRiskStatus)
    /// Anyone else: unknown to Assistance, or known only in a household that receives no
    /// assistance and is not near-低保.
    case outreach

    /// `household` or `outreach`, as the API names the kind of lead.
    public var kind: String {
        switch self {
        case .household: "household"
        case .outreach: "outreach"
        }
    }

    public var householdID: UUID? {
        if case .household(let id, _) = self { id } else { nil }
    }

    public var householdStatus: HouseholdRiskStatus? {
        if case .household(_, let status) = self { status } else { nil }
    }
}
