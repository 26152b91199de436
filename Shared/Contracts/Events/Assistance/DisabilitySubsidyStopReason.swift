/// Why a disability subsidy stopped.
public enum DisabilitySubsidyStopReason: String, Codable, Sendable, CaseIterable {
    /// Eligibility ended; paid through a gradual exit (渐退) first.
    case eligibilityEnded = "eligibility-ended"
    /// The recipient died; nothing is due from the month after.
    case death
}
