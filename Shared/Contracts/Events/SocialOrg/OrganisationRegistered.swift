import Foundation

/// `civil.socialorg.organisation-registered.v1`: SocialOrg registered a social organisation
/// (社会团体, 民办非企业单位/社会服务机构, 基金会) under its unified social credit code.
///
/// The contract SocialOrg will publish (it has no routes yet). ElderCare records it to tell whether
/// an institution's operator is registered (`ELDERCARE_REQUIRE_SOCIALORG_REGISTRATION`). Keyed by
/// the credit code (lower-case).
public struct OrganisationRegistered: DomainEvent {
    public static let eventType = EventType(.socialorg, "organisation-registered", version: 1)

    public var creditCode: CreditCode
    /// The organisation's registered name.
    public var name: String
    /// The registration authority's region.
    public var region: RegionCode
    public var registeredOn: CivilDate

    public init(creditCode: CreditCode, name: String, region: RegionCode, registeredOn: CivilDate) {
        self.creditCode = creditCode
        self.name = name
        self.region = region
        self.registeredOn = registeredOn
    }

    public var aggregateID: String { creditCode.rawValue.lowercased() }
}
