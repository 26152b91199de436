import Contracts

/// A member's relation to the applicant (与申请人关系).
public enum MemberRelation: String, Sendable, Hashable, Codable, CaseIterable {
    case applicant, spouse, child, parent, grandparent, grandchild, sibling, other
}
