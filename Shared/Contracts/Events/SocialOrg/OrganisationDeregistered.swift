import Foundation

/// `civil.socialorg.organisation-deregistered.v1`: a social organisation's registration ended
/// (注销登记, or 撤销登记 as a penalty). Keyed by the credit code (lower-case).
public struct OrganisationDeregistered: DomainEvent {
    public static let eventType = EventType(.socialorg, "organisation-deregistered", version: 1)

    public var creditCode: CreditCode
    public var deregisteredOn: CivilDate

    public init(creditCode: CreditCode, deregisteredOn: CivilDate) {
        self.creditCode = creditCode
        self.deregisteredOn = deregisteredOn
    }

    public var aggregateID: String { creditCode.rawValue.lowercased() }
}
