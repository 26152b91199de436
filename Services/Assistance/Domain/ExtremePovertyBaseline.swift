import Contracts

/// Which year's 低保 standard the 特困 basic living standard must reach 1.3 times.
///
/// The city plan says "全市各地城乡特困人员基本生活标准不低于当地**上年度**城乡低保标准的1.3倍"
/// (*市《2023年全市民政工作要点》（八）, seed 002 lines 8–9): the previous year's. Jingtai's plan says
/// "以全县低保标准为基础,上浮一定比例确定特困人员基本生活标准,原则上不低于1.3倍" (《景泰县“十四五”民政事业发展规划》
/// 第三章（一）2, seed 003 line 13) without a year. The service follows the city by default; a county
/// that reads it as the same year sets `ASSISTANCE_EXTREME_POVERTY_BASELINE=same-year`.
///
/// Why it matters: when 低保 rises, 1.3 × last year's 低保 is below 1.3 × this year's, so a 特困
/// standard set by the city's rule would be refused under the same-year reading.
public enum ExtremePovertyBaseline: String, Sendable, Hashable, Codable, CaseIterable {
    case sameYear = "same-year"
    case previousYear = "previous-year"
}
