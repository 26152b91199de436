import Contracts

/// What the allowance owes one person for one month.
public enum AllowanceMonth: Sendable, Hashable {
    /// Pay `amount`, at the tier from `tierAge`.
    case payable(amount: Money, tierAge: Int)
    /// Entitled, but not paid now: the proof of life is missing.
    case suspended(SuspensionReason)
    case notEntitled(NotEntitledReason)

    public enum SuspensionReason: String, Sendable, Hashable, Codable {
        case proofOfLifeMissing = "proof-of-life-missing"
    }

    public enum NotEntitledReason: String, Sendable, Hashable, Codable {
        /// Below the entitlement age as the schedule counts it.
        case belowEntitlementAge = "below-entitlement-age"
        /// Before the first month the register covers.
        case beforeRegistration = "before-registration"
        /// From the month after death.
        case afterDeath = "after-death"
        /// No standard was in force yet.
        case noStandardInForce = "no-standard-in-force"
    }

    /// The amount to pay: zero unless payable.
    public var amount: Money {
        if case .payable(let amount, _) = self { return amount }
        return .zero
    }

    public var isPayable: Bool { amount > .zero }
}
