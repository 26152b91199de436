/// What a bureau officer may do, as a token's `roles` claim names it.
///
/// The list follows the routes the services expose (docs/access.md has the route-by-route table):
/// a token carries one or more roles, and each route's `RoutePolicy` names the roles it admits.
/// Unknown role names in a token are ignored, so an identity provider may issue roles for other
/// systems in the same claim.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Civil registration at a registration office: marriages, divorces, adoptions, deaths and
    /// their corrections, funeral services, certificates, appointments, marital-status look-ups.
    case registrar
    /// Township intake for social assistance: applications, verification requests, home visits,
    /// public notices and objections, temporary-assistance cases, change reports, risk signals
    /// and the follow-up of leads.
    case intake
    /// County review before a decision: review tasks, re-verification, the review step of
    /// temporary assistance; reads cases and applications.
    case reviewer
    /// Decides: approves or rejects applications and temporary assistance (the county, or a
    /// township where approval is devolved).
    case approver
    /// Money: payment rosters, recovery claims, township reserve-fund top-ups.
    case finance
    /// Standards and local policy: assistance standards, city minimum standards, verification
    /// source records.
    case policy
    /// A welfare section's caseworker (养老服务科 today; the child-welfare section next): keeps the
    /// section's register of people and their categories, the waiting list and placements, and
    /// the institutions it supervises.
    case caseworker
    /// Visits people at home (探访关爱: village and community workers, volunteers): reads the
    /// contact details a visit needs, records visits and closes their follow-ups.
    case visitor
    /// Assesses capability (能力评估) under the national standard; records assessments.
    case assessor
    /// Read-only: may read what the other roles read, and (later) the audit log; never writes.
    case auditor
    /// Operates the system: may do what every other role does, within its region.
    case admin

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rawValue < rhs.rawValue }
}
