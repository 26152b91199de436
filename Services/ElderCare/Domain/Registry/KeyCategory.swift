/// A key category (重点老年人类别) an older person can belong to; a person can belong to several.
///
/// The eight of seed 002 L12 (*市要点 （十三）): "独居、失能、重残、空巢、留守、高龄、特困、计划生育特殊家庭等8类重点
/// 居家老年人信息采集率100%，普遍开展巡访关爱服务". Seed 003 L14 (景泰规划 第三章（二）1) names 失智
/// ("聚焦失能失智老年人长期照护") and 经济困难 ("完善经济困难老年人补贴制度"), and seed 002 L10 gives
/// 经济困难 priority for admission; both are kept here because the waiting list and the
/// statistics need them, but they are not among the eight whose information rate is reported.
///
/// Its names (`rawValue`, stored and sent) are the contract's ``ElderCategory``'s: see
/// `KeyCategory+Contract.swift`, the one place the two meet.
public enum KeyCategory: RawRepresentable, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// 独居: lives alone. Recorded by a caseworker.
    case livingAlone
    /// 失能: dependent in daily living; from a capability assessment (``CapabilityLevel``).
    case disabled
    /// 重残: severely disabled, a disability certificate of grade 1 or 2.
    case severelyDisabled
    /// 空巢: no children living with them (alone or with the spouse only). Recorded.
    case emptyNest
    /// 留守: the children work or live away long-term (chiefly rural). Recorded.
    case leftBehind
    /// 高龄: advanced age, from the birth date (``CategoryPolicy/advancedAge``).
    case advancedAge
    /// 特困: supported as an extremely poor person, from Assistance's events.
    case extremePoverty
    /// 计划生育特殊家庭: the only child died or is disabled (独生子女伤残死亡家庭). Recorded.
    case specialFamily
    /// 失智: dementia (认知障碍), on a diagnosis. Recorded.
    case dementia
    /// 经济困难: economically difficult; from Assistance's 低保 or 特困 coverage, or recorded
    /// (for instance a 低保边缘 household a caseworker identified).
    case economicHardship

    /// The eight categories of seed 002 L12, whose information collection must reach 100%.
    public static let seedEight: [KeyCategory] = [
        .livingAlone, .disabled, .severelyDisabled, .emptyNest, .leftBehind, .advancedAge, .extremePoverty, .specialFamily,
    ]

    public var isOneOfTheSeedEight: Bool { Self.seedEight.contains(self) }

    /// The Chinese name the documents use.
    public var chineseName: String {
        switch self {
        case .livingAlone: "独居"
        case .disabled: "失能"
        case .severelyDisabled: "重残"
        case .emptyNest: "空巢"
        case .leftBehind: "留守"
        case .advancedAge: "高龄"
        case .extremePoverty: "特困"
        case .specialFamily: "计划生育特殊家庭"
        case .dementia: "失智"
        case .economicHardship: "经济困难"
        }
    }

    /// How membership is known: derived from facts other records hold, recorded by a caseworker
    /// with a date and evidence, or either.
    public var origin: CategoryOrigin {
        switch self {
        case .advancedAge: .derived(.age)
        case .extremePoverty: .derived(.assistanceCoverage)
        case .severelyDisabled: .derived(.disabilityCertificate)
        case .disabled: .derived(.capabilityAssessment)
        case .economicHardship: .derivedOrRecorded(.assistanceCoverage)
        case .livingAlone, .emptyNest, .leftBehind, .specialFamily, .dementia: .recorded
        }
    }

    /// Whether a caseworker may record this category by hand.
    public var isRecordable: Bool {
        switch origin {
        case .derived: false
        case .recorded, .derivedOrRecorded: true
        }
    }

    /// Categories a change of marital status may change, so a marriage or divorce of the person
    /// (the Registry's events) asks a caseworker to look at them again: a wedding can end 独居 and
    /// 空巢, a divorce can start them. Service rule: the seeds do not say how the register follows
    /// a marriage.
    public static let reviewedOnMaritalChange: Set<KeyCategory> = [.livingAlone, .emptyNest]

    public var description: String { rawValue }

    /// In declaration order: the seed's eight first, in the order seed 002 L12 lists them.
    public static func < (lhs: KeyCategory, rhs: KeyCategory) -> Bool {
        let order = allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
}
