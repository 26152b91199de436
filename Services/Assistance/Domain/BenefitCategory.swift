import Contracts

/// A 分类施保 category that earns a top-up on top of the 低保 gap.
///
/// Why these four: the service's 分类施保 groups; the documents name 重病 / 重残 as priority groups
/// (《景泰县“十四五”民政事业发展规划》第三章（一）1) and 兜底型/扶持型/保护型 categories (王宏斌（成都市民政局）署名文章“一是健全分层分类社会救助体系”), but no top-ups.
public enum BenefitCategory: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Aged 60 or over.
    case elderly
    /// Disability grade 1–2.
    case severelyDisabled = "severely-disabled"
    /// Under 18.
    case minor
    case seriouslyIll = "seriously-ill"

    public static func < (lhs: BenefitCategory, rhs: BenefitCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How a category's top-up is sized.
public enum CategoryTopUp: Sendable, Hashable, Codable {
    /// A fixed monthly amount per person.
    case fixed(Money)
    /// A share of the monthly 低保 standard, rounded down to the fen (never pay more than the rule allows).
    case shareOfStandard(PolicyRatio)

    func amount(standard: Money) throws(RuleViolation) -> Money {
        switch self {
        case .fixed(let money): money
        case .shareOfStandard(let ratio): try ratio.applied(to: standard, rounding: .down)
        }
    }
}
