/// The kind of a partner agency's signal that a household may be falling into hardship
/// (低收入人口动态监测).
public enum RiskSignalKind: String, Codable, Sendable, CaseIterable {
    /// High out-of-pocket medical expense (medical insurance).
    case medicalExpense = "medical-expense"
    /// A new or upgraded disability registration (disabled persons' federation).
    case disabilityRegistration = "disability-registration"
    /// Registered unemployment (employment services).
    case unemployment
    /// A sharp loss of income.
    case incomeLoss = "income-loss"
}
