import Contracts

/// A named time slot of a registration office's day (分时段), e.g. "09:00-10:00", and how many
/// couples it can serve.
///
/// Why names rather than times: offices define their own slot grids (extended hours on working days
/// and Saturdays: 成都市民政局局长王宏斌2023年署名文章「完善基本社会服务体系」部分，一是「持续推进婚俗改革」:
/// "在工作日及周六实行延时登记"); the rules only need identity and capacity.
public struct AppointmentSlot: Sendable, Hashable {
    public var name: String
    public var capacity: Int

    public init(name: String, capacity: Int) {
        self.name = name
        self.capacity = capacity
    }
}
