import Foundation

/// `civil.eldercare.elder-registered.v1`: an older person was entered in a county's elder
/// register (老年人信息台账).
///
/// Carries the person ref, the region they live in, the registration day and the age band on
/// that day — no name, address, phone or birth date: those stay in ElderCare's own tables
/// (see ``ElderAgeBand`` for why a band). Keyed by the person ref, so the person's register
/// events (registration, category changes, visits) stay in order. Dashboards count the register
/// per region and age band.
public struct ElderRegistered: DomainEvent {
    public static let eventType = EventType(.eldercare, "elder-registered", version: 1)

    public var person: PersonRef
    /// Where the person lives: a county or a township.
    public var region: RegionCode
    public var registeredOn: CivilDate
    public var ageBand: ElderAgeBand

    public init(person: PersonRef, region: RegionCode, registeredOn: CivilDate, ageBand: ElderAgeBand) {
        self.person = person
        self.region = region
        self.registeredOn = registeredOn
        self.ageBand = ageBand
    }

    public var aggregateID: String { person.rawValue }
}
