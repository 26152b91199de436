/// `civil.assistance.city-minimum-standard-set.v1`: the city set (or changed) its minimum
/// guidance standard for 低保 (市定最低指导标准) of a year and urban/rural area, which every
/// county's 低保 standard of that year and area must reach.
///
/// Published by Assistance when `PUT /city-minimum-standards/{year}/{area}` sets a new figure; a
/// repeated request with the same figure publishes nothing. Keyed by `"<year>:<area>"` (e.g.
/// `"2026:rural"`), so a change follows the figure it replaces. Consumed by the statistics.
public struct CityMinimumStandardSet: DomainEvent {
    public static let eventType = EventType(.assistance, "city-minimum-standard-set", version: 1)

    public var year: Int
    public var area: UrbanRuralArea
    /// Per person per month, in fen.
    public var minimumLivingAllowance: Money
    /// The figure it replaces; absent when the year and area had none.
    public var previous: Money?
    public var setOn: CivilDate

    public init(year: Int, area: UrbanRuralArea, minimumLivingAllowance: Money, previous: Money?, setOn: CivilDate) {
        self.year = year
        self.area = area
        self.minimumLivingAllowance = minimumLivingAllowance
        self.previous = previous
        self.setOn = setOn
    }

    public var aggregateID: String { "\(year):\(area.rawValue)" }
}
