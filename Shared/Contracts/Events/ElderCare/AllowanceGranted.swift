import Foundation

/// `civil.eldercare.allowance-granted.v1`: a registered older person became entitled to the
/// advanced-age allowance (高龄津贴), granted automatically from the entitlement age.
///
/// Published once per person, by the first allowance roster of their region that finds them due
/// (before their first `AllowancePaid`, in the same transaction). Keyed by the allowance id, so an
/// allowance's grant, payments, suspensions and stop stay in order.
public struct AllowanceGranted: DomainEvent {
    public static let eventType = EventType(.eldercare, "allowance-granted", version: 1)

    public var allowanceID: UUID
    public var person: PersonRef
    /// Where the person lives (township or county).
    public var region: RegionCode
    /// The first month owed: the later of the month the entitlement age counts from and the first
    /// month the register covers the person.
    public var firstMonth: YearMonth

    public init(allowanceID: UUID, person: PersonRef, region: RegionCode, firstMonth: YearMonth) {
        self.allowanceID = allowanceID
        self.person = person
        self.region = region
        self.firstMonth = firstMonth
    }

    public var aggregateID: String { allowanceID.uuidString.lowercased() }
}
