/// What other bureaus know about an institution's operator that decides whether it may admit:
/// SocialOrg's register and the serious-dishonesty list (严重失信主体名单).
public struct OperatorStanding: Sendable, Hashable, Codable {
    /// SocialOrg has the operator registered and not deregistered (for a social organisation).
    public var registeredWithSocialOrg: Bool
    /// The operator is on the serious-dishonesty list now (SocialOrg's credit-list events).
    public var seriouslyDishonest: Bool

    public init(registeredWithSocialOrg: Bool, seriouslyDishonest: Bool = false) {
        self.registeredWithSocialOrg = registeredWithSocialOrg
        self.seriouslyDishonest = seriouslyDishonest
    }
}
