import Contracts

/// The previous year's growth of residents' per-capita consumption expenditure (居民上年度人均消费支出增速),
/// in per mille, as the statistics bureau published it for the publication's area (e.g. 53 for
/// 5.3 %; negative when consumption fell).
///
/// Why: "稳步提高低保标准,城乡低保标准年度增速不低于居民上年度人均消费支出增速" (《景泰县“十四五”民政事业发展规划》
/// 第三章（一）2, seed 003 line 13) holds 低保 growth to it. It is an input of each publication, not a
/// setting: it changes every year and differs between urban and rural residents.
public struct ConsumptionGrowth: Sendable, Hashable {
    public let permille: Int

    /// The range accepted: a fall of at most 100 %, a rise of at most 1000 %.
    public static let range = -1_000...10_000

    /// Refuses a figure outside ``range`` (`standard.consumption-growth-invalid`).
    public init(permille: Int) throws(RuleViolation) {
        guard Self.range.contains(permille) else {
            throw RuleViolation.invalid("standard.consumption-growth-invalid",
                                        "consumption growth \(permille) ‰ is outside \(Self.range.lowerBound)…\(Self.range.upperBound) ‰")
        }
        self.permille = permille
    }
}
