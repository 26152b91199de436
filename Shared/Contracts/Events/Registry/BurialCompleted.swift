import Foundation

/// `civil.registry.burial-completed.v1`: the deceased's remains or ashes were buried.
///
/// Published by the Registry (殡葬管理) when the funeral service record is completed. Keyed by the
/// person ref. Consumers granting eco-burial rewards (节地生态安葬奖补) react to `ecoBurial`; the
/// funeral service record of the person is closed.
public struct BurialCompleted: DomainEvent {
    public static let eventType = EventType(.registry, "burial-completed", version: 1)

    public var serviceRecordID: UUID
    public var person: PersonRef
    public var buriedOn: CivilDate
    /// The cemetery's plot (or niche) designation.
    public var cemeteryPlot: String
    /// A land-saving, ecological burial (节地生态安葬: tree, lawn, flower or sea burial, …).
    public var ecoBurial: Bool
    /// The region of the cemetery.
    public var region: RegionCode

    public init(serviceRecordID: UUID, person: PersonRef, buriedOn: CivilDate, cemeteryPlot: String, ecoBurial: Bool,
                region: RegionCode) {
        self.serviceRecordID = serviceRecordID
        self.person = person
        self.buriedOn = buriedOn
        self.cemeteryPlot = cemeteryPlot
        self.ecoBurial = ecoBurial
        self.region = region
    }

    public var aggregateID: String { person.rawValue }
}
