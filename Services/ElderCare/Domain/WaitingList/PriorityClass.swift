/// The priority classes of the waiting list, first served first.
///
/// Seed 002 L10 (*市要点 （十一）): "在满足特困人员集中供养的前提下，为经济困难的空巢、留守、失能、残疾、高龄
/// 老年人以及计划生育特殊家庭老年人提供集中托养服务" — 特困 first, then one group. Seed 003 L14 (景泰规划
/// 第三章（二）1–2) adds who goes first within 特困 ("优先保障生活不能自理特困人员集中供养") and widens the
/// group ("优先向计划生育特殊家庭、作出特殊贡献的老年人以及经济困难的孤寡、失能、残疾、高龄老年人提供服务").
/// Neither seed ranks the members of the group: the list is a set joined by 、, so within a class
/// the application time decides (``WaitingListOrder``). Public institutions are open to everyone
/// else after them, residents without local hukou included (seed 000 L57 "推进公办养老机构轮候入住
/// 通道向常住人口开放").
public enum PriorityClass: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// 特困, unable to care for themselves (生活不能自理).
    case dependentExtremePoverty = 1
    /// Other 特困.
    case extremePoverty = 2
    /// 计划生育特殊家庭 and 作出特殊贡献的 elderly (no means test), and 经济困难 elderly who are
    /// 空巢 (独居 included), 留守, 孤寡, 失能 (失智 included), 残疾 (any grade) or 高龄.
    case priorityGroup = 3
    /// Everyone else aged 60 or more.
    case general = 4

    public init(_ circumstances: ApplicantCircumstances) {
        let categories = circumstances.categories
        if categories.contains(.extremePoverty) {
            self = circumstances.capability?.isUnableToCareForSelf == true ? .dependentExtremePoverty : .extremePoverty
            return
        }
        if categories.contains(.specialFamily) || circumstances.specialContribution {
            self = .priorityGroup
            return
        }
        let needs: Set<KeyCategory> = [.emptyNest, .livingAlone, .leftBehind, .disabled, .dementia, .severelyDisabled, .advancedAge]
        let inNeed = !categories.isDisjoint(with: needs) || circumstances.hasDisabilityCertificate || circumstances.withoutFamily
        self = categories.contains(.economicHardship) && inNeed ? .priorityGroup : .general
    }

    public var name: String {
        switch self {
        case .dependentExtremePoverty: "dependent-extreme-poverty"
        case .extremePoverty: "extreme-poverty"
        case .priorityGroup: "priority-group"
        case .general: "general"
        }
    }

    public static func < (lhs: PriorityClass, rhs: PriorityClass) -> Bool { lhs.rawValue < rhs.rawValue }
}
