import Foundation

/// `civil.eldercare.beds-changed.v1`: an institution reported its beds by type and their occupancy.
///
/// Every type is listed (a type without beds with 0). The statistics compute the nursing-type
/// shares from it (seed 003 L14 ≥55% per county; seed 002 L10 ≥50% in 特困 support institutions),
/// hence the institution's kind. Admissions and discharges change occupancy too and publish
/// their own events. Keyed by the institution id (lower-case).
public struct BedsChanged: DomainEvent {
    public static let eventType = EventType(.eldercare, "beds-changed", version: 1)

    public var institutionID: UUID
    public var region: RegionCode
    /// `welfare-home`, `extreme-poverty-support` (敬老院) or `care-home`.
    public var kind: String
    public var beds: [CareBedCount]
    public var changedOn: CivilDate

    public init(institutionID: UUID, region: RegionCode, kind: String, beds: [CareBedCount], changedOn: CivilDate) {
        self.institutionID = institutionID
        self.region = region
        self.kind = kind
        self.beds = beds
        self.changedOn = changedOn
    }

    public var aggregateID: String { institutionID.uuidString.lowercased() }
}
