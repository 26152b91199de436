import Foundation

/// `civil.socialorg.serious-dishonesty-delisted.v1`: a serious-dishonesty listing ended (移出名单):
/// its term ran out, the organisation repaired its credit (信用修复), or the listing was revoked.
///
/// Keyed like the listing, by the credit code (lower-case). ElderCare lifts the suspension of
/// admissions when no other listing of the operator is in force.
public struct SeriousDishonestyDelisted: DomainEvent {
    public static let eventType = EventType(.socialorg, "serious-dishonesty-delisted", version: 1)

    public var listingID: UUID
    public var creditCode: CreditCode
    public var delistedOn: CivilDate
    public var reason: DelistingReason

    public init(listingID: UUID, creditCode: CreditCode, delistedOn: CivilDate, reason: DelistingReason) {
        self.listingID = listingID
        self.creditCode = creditCode
        self.delistedOn = delistedOn
        self.reason = reason
    }

    public var aggregateID: String { creditCode.rawValue.lowercased() }
}
