/// Why a person left the institution.
public enum DischargeReason: String, Sendable, Hashable, Codable, CaseIterable {
    case death
    /// Left at their own or the family's wish.
    case leftVoluntarily = "left-voluntarily"
    /// Moved to another institution (a hospital, a higher-care home).
    case transferred
    /// The trial stay showed the institution cannot care for them.
    case trialUnsuccessful = "trial-unsuccessful"
}
