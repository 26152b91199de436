import Contracts

/// Where a registered marriage stands: current, or ended by divorce, by a court's declaration
/// that it is void (无效, Civil Code art. 1051) or by its revocation (撤销, arts. 1052–1053).
public enum MarriageStatus: String, Sendable, Hashable, CaseIterable {
    case married
    case divorced
    case annulled
    case revoked

    /// Only a current marriage can be divorced, annulled or revoked.
    public func requireCurrent() throws(RuleViolation) {
        guard self == .married else { throw notCurrent }
    }

    /// The refusal for ending a marriage that is not current.
    public var notCurrent: RuleViolation {
        RuleViolation("marriage.not-current", "the marriage is already \(rawValue)", kind: .conflict)
    }
}
