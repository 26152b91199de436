import Contracts

/// An emergency declared for a region, during which every key elder living at home there is
/// visited daily.
///
/// Seed 000 L36 (成都要点 第7点, the epidemic of 2020): "对居家重点服务对象要根据身体状况，通过多种形式每天
/// 至少进行一次探访", and "建立完善应急时期特殊困难群体基本生活服务保障长效机制" — so the mode is a standing
/// mechanism a county switches on for a region (a county or a township) and off again, not a rule
/// of 2020 alone. "多种形式": a telephone or video visit counts (``VisitMode``).
public struct EmergencyVisitMode: Sendable, Hashable, Codable {
    public let region: RegionCode
    public let startsOn: CivilDate
    /// The last day of the emergency, inclusive; nil while it lasts.
    public let endsOn: CivilDate?
    public let reason: String

    /// Refuses an end before the start (`visit-emergency.ends-before-start`).
    public init(region: RegionCode, startsOn: CivilDate, endsOn: CivilDate? = nil, reason: String) throws(RuleViolation) {
        if let endsOn, endsOn < startsOn {
            throw RuleViolation.invalid("visit-emergency.ends-before-start", "an emergency from \(startsOn) cannot end on \(endsOn)")
        }
        self.region = region
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.reason = reason
    }

    /// Whether the mode applies to someone living in `place` on `date`.
    public func applies(to place: RegionCode, on date: CivilDate) -> Bool {
        region.contains(place) && date >= startsOn && (endsOn.map { date <= $0 } ?? true)
    }
}
