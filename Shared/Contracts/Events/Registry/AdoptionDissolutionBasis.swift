/// How an adoption was dissolved.
public enum AdoptionDissolutionBasis: String, Codable, Sendable, CaseIterable {
    /// Registered by agreement at the Registry (解除收养关系登记, Civil Code art. 1116).
    case registration
    /// A court's judgment or mediation document (art. 1114–1115).
    case courtDocument = "court-document"
}
