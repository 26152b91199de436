import Contracts

/// Who may call a route, where, and whether its reads are audited: declared next to the route.
///
/// `roles` are the roles admitted (any one suffices; `admin` always); `region` says how the route
/// finds the region of the record it reads or changes, which `RegionScope` then compares with the
/// token's. Every write is audited; a read is audited when `personalData` says its response
/// carries a resident ID, a name, a birth date, a household's members or a case's amounts.
public struct RoutePolicy: Sendable, Hashable {
    /// How a route's region is found.
    public enum RegionSource: Sendable, Hashable {
        /// The route touches no regional record (the standards of a year, a lookup by certificate
        /// number that carries no region).
        case none
        /// The route acts in the token's own region: a listing the handler filters to it.
        case fromToken
        /// A query parameter carries the region code (e.g. `GET /rosters?region=`).
        case query(String)
        /// A path parameter carries the region code (e.g. `/reserve-funds/{township}/top-ups`).
        case path(String)
        /// A top-level field of the JSON body carries the region code (a new record's region).
        case body(String)
        /// The region is the stored record's, found before the handler runs by the resolver the
        /// route registers with its policy (a case follows its household's current county).
        case record
    }

    public var roles: Set<Role>
    public var region: RegionSource
    /// Whether a successful read's response carries personal data and is therefore audited.
    public var personalData: Bool

    public init(roles: Set<Role>, region: RegionSource, personalData: Bool = false) {
        self.roles = roles
        self.region = region
        self.personalData = personalData
    }

    /// The roles admitted, `admin` included: it operates the system.
    public var admitted: Set<Role> { roles.union([.admin]) }

    /// Refuses with `auth.role-not-allowed` (403) unless the principal holds one of the roles.
    public func checkRoles(of principal: Principal) throws(RuleViolation) {
        guard principal.holdsAny(of: admitted) else {
            throw AccessRefusal.roleNotAllowed(held: principal.roles, allowed: roles)
        }
    }
}
