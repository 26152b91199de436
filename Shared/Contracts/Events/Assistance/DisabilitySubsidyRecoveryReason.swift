/// Why Assistance claims back what a disability subsidy paid.
public enum DisabilitySubsidyRecoveryReason: String, Codable, Sendable, CaseIterable {
    /// Months paid after the month of the recipient's death.
    case death
    /// Months paid above a lower amount the county set from a month already paid.
    case amountLowered = "amount-lowered"
}
