import Foundation

/// `civil.socialorg.serious-dishonesty-listed.v1`: SocialOrg put a social organisation on the list
/// of seriously dishonest subjects (严重失信主体名单, 社会组织信用信息管理办法).
///
/// The contract SocialOrg will publish (it has no routes yet; issue 12 defines it so that ElderCare
/// can react). Keyed by the organisation's unified social credit code (lower-case), so a listing
/// and its removal stay in order. ElderCare suspends new admissions to every institution the
/// organisation operates while a listing is in force.
public struct SeriousDishonestyListed: DomainEvent {
    public static let eventType = EventType(.socialorg, "serious-dishonesty-listed", version: 1)

    /// The listing: a removal names it, so one organisation may be listed more than once.
    public var listingID: UUID
    public var creditCode: CreditCode
    /// The region of the registration authority that listed it.
    public var region: RegionCode
    public var listedOn: CivilDate
    /// The day the listing ends by itself (列入期限), if the decision set one; a
    /// `serious-dishonesty-delisted` event is still published when it does.
    public var expiresOn: CivilDate?
    /// The legal ground, as the decision cites it (no personal data: organisations only).
    public var reason: String

    public init(listingID: UUID, creditCode: CreditCode, region: RegionCode, listedOn: CivilDate, expiresOn: CivilDate?, reason: String) {
        self.listingID = listingID
        self.creditCode = creditCode
        self.region = region
        self.listedOn = listedOn
        self.expiresOn = expiresOn
        self.reason = reason
    }

    public var aggregateID: String { creditCode.rawValue.lowercased() }
}
