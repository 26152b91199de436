import Contracts

/// The county's settings for the two subsidies.
///
/// Sources: 济民发〔2022〕3号《2022年全市民政工作要点》第28项 "支持有条件的区县将城乡低保边缘户中的残疾人、依老养残、
/// 一户多残等群体纳入生活补贴范围" (a county *may*: hence options); 《景泰县“十四五”民政事业发展规划》第三章（五）2
/// "逐步将困难残疾人生活补贴覆盖至低保边缘家庭" (hence 低保边缘 on by default); seed 004 L12 "从2023年7月起将三、四级
/// 智力和精神残疾人纳入重度残疾人护理补贴范围" (the month the extension starts); 第28项 "探索建立残疾人“两项补贴”渐退机制"
/// (the exit length is the service's: six months, as for 低保).
public struct DisabilitySubsidyPolicy: Sendable, Hashable, Codable {
    /// Living subsidy for disabled members of 低保边缘 households.
    public var nearLowIncomeIncluded: Bool
    /// 依老养残: a disabled person supported by parents aged 60 or over.
    public var elderlyParentsSupportingIncluded: Bool
    /// 一户多残: a household with two or more disabled members.
    public var multipleDisabledIncluded: Bool
    /// First month grades 3–4 intellectual/mental disability receive the nursing subsidy; nil = never.
    public var nursingGrades3And4From: YearMonth?
    /// Months a subsidy continues after eligibility ends (渐退); 0 = ends with the month it was established.
    public var gradualExitMonths: Int

    /// The July-2023 extension month of seed 004.
    public static let july2023: YearMonth = {
        do { return try YearMonth(year: 2023, month: 7) } catch { preconditionFailure("2023-07 is a month: \(error)") }
    }()

    public static let `default` = DisabilitySubsidyPolicy()

    /// Refuses a negative exit length (`disability-subsidy.exit-months-invalid`).
    public init(nearLowIncomeIncluded: Bool = true, elderlyParentsSupportingIncluded: Bool = false,
                multipleDisabledIncluded: Bool = false, nursingGrades3And4From: YearMonth? = DisabilitySubsidyPolicy.july2023,
                gradualExitMonths: Int = 6) throws(RuleViolation) {
        guard gradualExitMonths >= 0 else {
            throw RuleViolation.invalid("disability-subsidy.exit-months-invalid", "a gradual exit lasts zero or more months, got \(gradualExitMonths)")
        }
        self.nearLowIncomeIncluded = nearLowIncomeIncluded
        self.elderlyParentsSupportingIncluded = elderlyParentsSupportingIncluded
        self.multipleDisabledIncluded = multipleDisabledIncluded
        self.nursingGrades3And4From = nursingGrades3And4From
        self.gradualExitMonths = gradualExitMonths
    }

    private init() {
        nearLowIncomeIncluded = true
        elderlyParentsSupportingIncluded = false
        multipleDisabledIncluded = false
        nursingGrades3And4From = Self.july2023
        gradualExitMonths = 6
    }
}
