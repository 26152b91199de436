import Contracts

/// Who may call a route and where: declared next to the route's definition.
///
/// `roles` are the roles admitted (any one suffices); `region` says how the route finds the region
/// of the record it reads or changes, which `RegionScope` then compares with the token's.
public struct RoutePolicy: Sendable, Hashable {
    /// How a route's region is found.
    public enum RegionSource: Sendable, Hashable {
        /// The route touches no regional record (standards listings, health of a whole service).
        case none
        /// The route acts in the token's own region (e.g. a listing filtered to it): always within.
        case fromToken
        /// A query parameter carries the region code (e.g. `GET /rosters?region=`).
        case query(String)
        /// A path parameter carries the region code (e.g. `/reserve-funds/:township/top-ups`).
        case path(String)
        /// The region is the record's, found by the route after loading it (a case follows its
        /// household's current county); the handler calls `RegionScope.check`.
        case record
    }

    public var roles: Set<Role>
    public var region: RegionSource

    public init(roles: Set<Role>, region: RegionSource) {
        self.roles = roles
        self.region = region
    }

    /// Refuses with `auth.role-not-allowed` (403) unless the principal holds one of the roles.
    /// `admin` is admitted everywhere: it operates the system.
    public func checkRoles(of principal: Principal) throws(RuleViolation) {
        guard principal.holdsAny(of: roles.union([.admin])) else {
            throw AccessRefusal.roleNotAllowed(held: principal.roles, allowed: roles)
        }
    }
}
