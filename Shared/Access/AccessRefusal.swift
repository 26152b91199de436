import Contracts

/// The refusals of access control, with the stable codes clients branch on.
///
/// Authentication failures (`unauthenticated`: 401) say the token cannot be trusted; authorisation
/// failures (`forbidden`: 403) say the officer is known but may not do this here.
public enum AccessRefusal {
    public static let tokenMissing = "auth.token-missing"
    public static let tokenMalformed = "auth.token-malformed"
    public static let tokenExpired = "auth.token-expired"
    public static let tokenNotYetValid = "auth.token-not-yet-valid"
    public static let badSignature = "auth.bad-signature"
    public static let wrongIssuer = "auth.wrong-issuer"
    public static let wrongAudience = "auth.wrong-audience"
    public static let unknownKey = "auth.unknown-key"
    public static let roleNotAllowedCode = "auth.role-not-allowed"
    public static let outsideRegionCode = "auth.outside-region"

    public static func unauthenticated(_ code: String, _ detail: String) -> RuleViolation {
        RuleViolation(code, detail, kind: .unauthenticated)
    }

    static func roleNotAllowed(held: Set<Role>, allowed: Set<Role>) -> RuleViolation {
        let names = { (roles: Set<Role>) in roles.sorted().map(\.rawValue).joined(separator: ", ") }
        return RuleViolation(roleNotAllowedCode, "this route needs one of: \(names(allowed)); the token holds: \(names(held))",
                             kind: .forbidden)
    }

    static func outsideRegion(token: RegionCode, record: RegionCode) -> RuleViolation {
        RuleViolation(outsideRegionCode, "the record's region \(record) does not lie within the token's region \(token)",
                      kind: .forbidden)
    }
}
