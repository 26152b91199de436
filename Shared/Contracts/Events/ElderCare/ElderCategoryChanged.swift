import Foundation

/// `civil.eldercare.category-changed.v1`: a registered person entered or left a key category.
///
/// `origin` says how the register knows: `derived` from another record (高龄 from the age, 特困
/// and 经济困难 from Assistance's coverage, 重残 from the disability grade, 失能 from the capability
/// assessment) or `recorded` by a caseworker with evidence. The evidence and the caseworker are
/// not carried. Keyed by the person ref, after their `elder-registered`. Dashboards count the
/// register per category and region; the waiting list's priority follows the categories.
public struct ElderCategoryChanged: DomainEvent {
    public static let eventType = EventType(.eldercare, "category-changed", version: 1)

    public enum Change: String, Codable, Sendable, CaseIterable {
        case added
        case removed
    }

    public enum Origin: String, Codable, Sendable, CaseIterable {
        case derived
        case recorded
    }

    public var person: PersonRef
    /// Where the person lives: a county or a township.
    public var region: RegionCode
    public var category: ElderCategory
    public var change: Change
    public var origin: Origin
    /// The day the register saw the change.
    public var changedOn: CivilDate
    /// The id of the event that caused it (a `benefit-granted`, a `death-recorded`), if any.
    public var causationEventID: UUID?

    public init(person: PersonRef, region: RegionCode, category: ElderCategory, change: Change, origin: Origin, changedOn: CivilDate,
                causationEventID: UUID?) {
        self.person = person
        self.region = region
        self.category = category
        self.change = change
        self.origin = origin
        self.changedOn = changedOn
        self.causationEventID = causationEventID
    }

    public var aggregateID: String { person.rawValue }
}
