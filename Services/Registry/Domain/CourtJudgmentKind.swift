import Contracts

/// A court judgment the Registry records against a marriage: a divorce by judgment or mediation
/// (诉讼离婚, Civil Code art. 1079), or a declaration that the marriage is void (无效, art. 1051)
/// or its revocation (撤销, arts. 1052–1053). Each ends the marriage.
public enum CourtJudgmentKind: String, Sendable, Hashable, CaseIterable {
    case divorce
    case annulment
    case revocation

    /// `divorce`, `annulment` or `revocation`.
    public init(parsing text: String) throws(RuleViolation) {
        guard let kind = Self(rawValue: text) else {
            throw .invalid("judgment.unknown-kind", "kind must be divorce, annulment or revocation")
        }
        self = kind
    }

    /// How the marriage stands once the judgment is recorded.
    public var endsMarriageAs: MarriageStatus {
        switch self {
        case .divorce: .divorced
        case .annulment: .annulled
        case .revocation: .revoked
        }
    }
}
