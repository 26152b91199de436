import Contracts

/// Who acts: the verified claims of a bearer token.
///
/// `sub` is the identity provider's stable id of the officer (never shown to other officers),
/// `roles` what they may do, `region` where: a city (`620400`), county (`620423`) or township
/// (`620423100`) code the records they touch must lie within (see `RegionScope`).
public struct Principal: Sendable, Hashable {
    public var subject: String
    public var roles: Set<Role>
    public var region: RegionCode

    public init(subject: String, roles: Set<Role>, region: RegionCode) {
        self.subject = subject
        self.roles = roles
        self.region = region
    }

    /// Whether any of the principal's roles is among `allowed`.
    public func holdsAny(of allowed: Set<Role>) -> Bool {
        !roles.isDisjoint(with: allowed)
    }
}
