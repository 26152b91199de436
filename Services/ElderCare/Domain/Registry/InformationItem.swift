/// One item of the information a caseworker collects (信息采集) about a key elder, so that a
/// visitor can find, reach and help them.
///
/// Seed 002 L12 sets the target ("8类重点居家老年人信息采集率100%") without listing the items; these
/// are what a county elder-care section's form asks (service rule, configurable per category
/// through ``KeyCategory/requiredInformation``). An item counts as collected when it was asked
/// and answered, "none" included (an elder without a phone has the item collected as none).
public enum InformationItem: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case name
    case address
    case phone
    /// 紧急联系人.
    case emergencyContact = "emergency-contact"
    /// 居住情况: alone, with the spouse, with children, with others.
    case livingArrangement = "living-arrangement"
    /// 健康状况: chronic illness, medication, mobility aids.
    case healthCondition = "health-condition"
    /// 赡养人/扶养人 and how to reach them (the visit urges them to do their duty).
    case supporterContact = "supporter-contact"
    /// The capability assessment on file.
    case capabilityAssessment = "capability-assessment"
    /// 残疾人证 number and grade.
    case disabilityCertificate = "disability-certificate"
    /// 计划生育特别扶助 certificate.
    case specialFamilyCertificate = "special-family-certificate"
    /// The diagnosis of dementia.
    case dementiaDiagnosis = "dementia-diagnosis"
    /// 特困供养方式: centralised (集中) or dispersed (分散), and the carer for dispersed support.
    case supportArrangement = "support-arrangement"

    public static func < (lhs: InformationItem, rhs: InformationItem) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }

    /// What every key elder's record needs, whatever the category.
    public static let common: Set<InformationItem> = [.name, .address, .phone, .emergencyContact, .livingArrangement, .healthCondition]
}

extension KeyCategory {
    /// The items a person in this category must have collected: the common ones and what the
    /// category adds (the supporter for the categories about who lives with them, the record
    /// that proves the category for the others).
    public var requiredInformation: Set<InformationItem> {
        switch self {
        case .livingAlone, .emptyNest, .leftBehind: InformationItem.common.union([.supporterContact])
        case .disabled: InformationItem.common.union([.capabilityAssessment])
        case .severelyDisabled: InformationItem.common.union([.disabilityCertificate])
        case .extremePoverty: InformationItem.common.union([.supportArrangement])
        case .specialFamily: InformationItem.common.union([.specialFamilyCertificate])
        case .dementia: InformationItem.common.union([.dementiaDiagnosis])
        case .advancedAge, .economicHardship: InformationItem.common
        }
    }
}
