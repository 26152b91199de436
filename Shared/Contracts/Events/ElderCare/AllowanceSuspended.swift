import Foundation

/// `civil.eldercare.allowance-suspended.v1`: an allowance is not paid from a month because the
/// county's proof of life (高龄津贴验证) is missing.
///
/// Published by the allowance roster that first finds no proof of life covering the month; a
/// later `AllowanceResumed` (reason `proof-of-life`) lifts it. Keyed by the allowance id.
public struct AllowanceSuspended: DomainEvent {
    public static let eventType = EventType(.eldercare, "allowance-suspended", version: 1)

    public var allowanceID: UUID
    public var person: PersonRef
    public var region: RegionCode
    public var firstUnpaidMonth: YearMonth
    public var reason: Reason

    public init(allowanceID: UUID, person: PersonRef, region: RegionCode, firstUnpaidMonth: YearMonth,
                reason: Reason = .proofOfLifeMissing) {
        self.allowanceID = allowanceID
        self.person = person
        self.region = region
        self.firstUnpaidMonth = firstUnpaidMonth
        self.reason = reason
    }

    public var aggregateID: String { allowanceID.uuidString.lowercased() }

    public enum Reason: String, Codable, Sendable, CaseIterable {
        /// No proof of life covers the month (the county requires one).
        case proofOfLifeMissing = "proof-of-life-missing"
    }
}
