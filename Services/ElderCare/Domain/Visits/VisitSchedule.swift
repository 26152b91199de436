/// How often each key category is visited (探访关爱), configurable per county; a person in
/// several categories is visited as often as the most frequent of them asks.
///
/// The defaults (``seedDefaults``): every category monthly.
/// - 计划生育特殊家庭 monthly: "建立特殊家庭老年人月探访制度" (seed 001 L24, 济南要点 第8项);
/// - all eight categories are visited: "8类重点居家老年人…普遍开展巡访关爱服务" (seed 002 L12), with no
///   frequency; monthly is the national target "特殊困难老年人月探访率达到100%" (民政部等10部门
///   指导意见, 2022 — not a seed) and keeps the eight alike;
/// - 失智 monthly as well (a county's choice: the seeds name 失智 among those needing long-term care,
///   seed 003 L14); 经济困难 alone asks for no visit: it qualifies for services, not for the visit
///   programme, unless another category applies (seed 002 L12 visits "其他有需要的老年人" on need).
/// Rural 留守 and 孤寡 elderly are visited "按需" (seed 002 L13): a county may lower 留守 to quarterly.
public struct VisitSchedule: Sendable, Hashable, Codable {
    public var cadences: [KeyCategory: VisitCadence]

    public init(cadences: [KeyCategory: VisitCadence]) {
        self.cadences = cadences
    }

    public static let seedDefaults = VisitSchedule(cadences: [
        .livingAlone: .monthly, .disabled: .monthly, .severelyDisabled: .monthly, .emptyNest: .monthly,
        .leftBehind: .monthly, .advancedAge: .monthly, .extremePoverty: .monthly, .specialFamily: .monthly,
        .dementia: .monthly,
    ])

    /// The cadence for someone in `categories`: the most frequent of theirs; nil when none of
    /// them is scheduled.
    public func cadence(for categories: Set<KeyCategory>) -> VisitCadence? {
        categories.compactMap { cadences[$0] }.min()
    }
}
