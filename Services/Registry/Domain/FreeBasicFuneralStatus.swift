/// Where a death's free basic funeral (惠民殡葬) stands.
///
/// The services are free for people in difficulty "死亡后实行火化" (cremated after death;
/// 《景泰县"十四五"民政事业发展规划》第三章（五）7), so qualifying is not enough: the grant is made,
/// payable and announced only once a cremation is recorded.
///
///     pending-cremation ──cremation──▶ granted
///            │  ▲                         (a burial after it is of the ashes: no change)
///      burial│  │cremation
///            ▼  │
///         withdrawn
///     any ──death record annulled──▶ revoked
///
/// A pending grant is never paid (the Registry records no payment, and nothing is payable before
/// the cremation), so a withdrawal never takes back money; a granted one is never withdrawn, since
/// its cremation is on record. A cremation recorded after a burial without one (exhumed remains,
/// or a burial entered by mistake) meets the condition after all and grants.
public enum FreeBasicFuneralStatus: String, Sendable, Hashable, CaseIterable {
    /// The deceased qualifies and the body is not yet cremated: recorded, so that the funeral home
    /// knows the services will be free, but not payable and not announced.
    case pendingCremation = "pending-cremation"
    /// Cremated: payable, and announced with `funeral-subsidy-granted`.
    case granted
    /// Buried without cremation while pending: nothing is payable.
    case withdrawn
    /// The death record was annulled (from any status).
    case revoked

    /// The status a qualifying death's grant takes once `disposition` is known, from `current`
    /// (nil: the death has no grant yet). Granted and revoked are final here: only an annulment
    /// moves a granted grant, and nothing moves a revoked one.
    public static func status(from current: Self?, disposition: BodyDisposition) -> Self {
        switch current ?? .pendingCremation {
        case .granted: .granted
        case .revoked: .revoked
        case .pendingCremation, .withdrawn:
            switch disposition {
            case .cremated: .granted
            case .buriedWithoutCremation: .withdrawn
            case .undetermined: current ?? .pendingCremation
            }
        }
    }

    /// Only a granted grant is paid out (the funeral home bills the Registry for it).
    public var isPayable: Bool { self == .granted }
}
