/// A risk a visitor found (排查风险), each of which opens a follow-up.
///
/// Seed 002 L13: "按需巡访，及时排查化解风险，提供情感关怀和生活帮扶"; seed 003 L14 asks that visits
/// lead to help ("明确探访对象、探访内容、探访程序及工作要求"). The kinds are what a visit form asks
/// (service rule, after the 民政部等10部门 指导意见 (2022): living conditions, safety risks, the
/// supporters' duty, and referrals).
public enum RiskFlag: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// 身体健康: illness, injury, untreated symptoms.
    case health
    /// 安全: falls, gas, fire, electrical hazards, wandering.
    case safety
    /// 生活条件: food, heating, housing, hygiene.
    case livingConditions = "living-conditions"
    /// 精神状态: loneliness, depression, confusion.
    case mentalState = "mental-state"
    /// 赡养扶养: the supporters neglect their duty (the visit urges them, 督促履行赡养义务).
    case supporterNeglect = "supporter-neglect"
    /// 经济困难: the person may qualify for assistance (referred to Assistance).
    case financialHardship = "financial-hardship"

    public var chineseName: String {
        switch self {
        case .health: "身体健康"
        case .safety: "安全隐患"
        case .livingConditions: "生活条件"
        case .mentalState: "精神状态"
        case .supporterNeglect: "赡养扶养"
        case .financialHardship: "经济困难"
        }
    }

    public static func < (lhs: RiskFlag, rhs: RiskFlag) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
