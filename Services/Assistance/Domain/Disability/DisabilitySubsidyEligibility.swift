import Contracts

/// Who receives the two subsidies (残疾人两项补贴), month by month.
///
/// - Living subsidy (困难残疾人生活补贴): a certificate holder in a 低保 household; in a 低保边缘
///   household when the county includes them (default on: 《景泰县“十四五”民政事业发展规划》第三章（五）2
///   "逐步将困难残疾人生活补贴覆盖至低保边缘家庭"); 依老养残 and 一户多残 when the county includes them
///   (济民发〔2022〕3号 第28项 "支持有条件的区县将…依老养残、一户多残等群体纳入生活补贴范围"). The first basis that
///   applies is recorded, in that order.
/// - Nursing subsidy (重度残疾人护理补贴): grade 1–2 (重度, national practice); grade 3–4 智力 or 精神
///   from the county's extension month on (seed 004 L12 "从2023年7月起将三、四级智力和精神残疾人纳入重度残疾人护理补贴范围").
///   Effective-dated: the answer depends on the month asked about.
public enum DisabilitySubsidyEligibility {
    /// The living subsidy's basis, or nil when the person does not qualify.
    public static func livingBasis(facts: LivingSubsidyFacts, policy: DisabilitySubsidyPolicy) -> DisabilitySubsidyBasis? {
        switch facts.householdStatus {
        case .minimumLiving: return .minimumLivingHousehold
        case .nearLowIncome where policy.nearLowIncomeIncluded: return .nearLowIncomeHousehold
        case .nearLowIncome, .none: break
        }
        if policy.elderlyParentsSupportingIncluded && facts.supportedByElderlyParents { return .elderlyParentsSupporting }
        if policy.multipleDisabledIncluded && facts.disabledMembers >= 2 { return .multipleDisabled }
        return nil
    }

    /// The nursing subsidy's basis in `month`, or nil when the person does not qualify then.
    public static func nursingBasis(certificate: DisabilityCertificate, in month: YearMonth,
                                    policy: DisabilitySubsidyPolicy) -> DisabilitySubsidyBasis? {
        if certificate.grade.isSevere { return .severeDisability }
        if certificate.type.isIntellectualOrMental, let from = policy.nursingGrades3And4From, month >= from {
            return .intellectualOrMentalGrade3Or4
        }
        return nil
    }

    /// The first month the person qualifies for the nursing subsidy, at or after `month`; nil when
    /// never (grade 3–4 of another type, or no extension configured).
    public static func firstNursingMonth(certificate: DisabilityCertificate, from month: YearMonth,
                                         policy: DisabilitySubsidyPolicy) -> YearMonth? {
        if nursingBasis(certificate: certificate, in: month, policy: policy) != nil { return month }
        guard certificate.type.isIntellectualOrMental, let from = policy.nursingGrades3And4From else { return nil }
        return max(from, month)
    }

    /// The basis for `kind` in `month`, or a refusal:
    /// `disability-subsidy.living-not-eligible` (household neither 低保 nor an included group),
    /// `disability-subsidy.nursing-not-eligible` (grade 3–4 of another type, or no extension),
    /// `disability-subsidy.nursing-not-yet-eligible` (grade 3–4 智力/精神 before the extension month).
    public static func check(_ kind: DisabilitySubsidyKind, certificate: DisabilityCertificate, facts: LivingSubsidyFacts,
                             in month: YearMonth, policy: DisabilitySubsidyPolicy) throws(RuleViolation) -> DisabilitySubsidyBasis {
        switch kind {
        case .living:
            guard let basis = livingBasis(facts: facts, policy: policy) else {
                throw RuleViolation("disability-subsidy.living-not-eligible",
                    "the living subsidy is for disabled members of 低保 households or the groups the county includes; this household is \(facts.householdStatus.rawValue)")
            }
            return basis
        case .nursing:
            if let basis = nursingBasis(certificate: certificate, in: month, policy: policy) { return basis }
            if let first = firstNursingMonth(certificate: certificate, from: month, policy: policy) {
                throw RuleViolation("disability-subsidy.nursing-not-yet-eligible",
                    "grade \(certificate.grade.rawValue) \(certificate.type.rawValue) disability receives the nursing subsidy from \(first), not \(month)")
            }
            throw RuleViolation("disability-subsidy.nursing-not-eligible",
                "the nursing subsidy is for grades 1–2, and grades 3–4 of intellectual or mental disability; this is grade \(certificate.grade.rawValue) \(certificate.type.rawValue)")
        }
    }
}
