/// Why a person receives a subsidy; recorded on the grant and in its event.
public enum DisabilitySubsidyBasis: String, Sendable, Hashable, Codable, CaseIterable {
    // Living subsidy (困难残疾人生活补贴)
    case minimumLivingHousehold = "minimum-living-household"
    case nearLowIncomeHousehold = "near-low-income-household"
    case elderlyParentsSupporting = "elderly-parents-supporting"
    case multipleDisabled = "multiple-disabled"
    // Nursing subsidy (重度残疾人护理补贴)
    case severeDisability = "severe-disability"
    case intellectualOrMentalGrade3Or4 = "intellectual-or-mental-grade-3-or-4"
}
