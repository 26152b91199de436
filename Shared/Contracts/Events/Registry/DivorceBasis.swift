/// How a marriage was dissolved by divorce.
public enum DivorceBasis: String, Codable, Sendable, CaseIterable {
    /// Registered by agreement after the cooling-off period (协议离婚), with a divorce certificate.
    case agreement
    /// A court's divorce judgment or mediation (诉讼离婚), recorded by the Registry.
    case courtJudgment = "court-judgment"
}
