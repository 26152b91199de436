import Contracts

/// The standards 景泰县 (Jingtai County, 620423) paid in 2020, the end of the 13th Five-Year Plan.
///
/// Source: "城市低保标准从361元/月/人提高至577元/月/人,农村低保保障标准由2855元/年/人提高至4428元/年/人
/// … 城市特困供养标准从4152元/人/年提高至9012元/人/年;农村特困供养标准从4114元/人/年提高至6360元/人/年"
/// (《景泰县“十四五”民政事业发展规划》第一章（三）). Annual figures are divided by 12 (all exact). The
/// plan publishes no care tiers.
public enum JingtaiStandards {
    /// 620423 景泰县.
    public static let region: RegionCode = {
        do { return try RegionCode("620423") } catch { preconditionFailure("620423 is a valid county code: \(error)") }
    }()
    public static let year = 2020

    /// Annual figures as published, for display and reconciliation.
    public static let ruralMinimumLivingAllowanceAnnual = Money(yuan: 4428)
    public static let urbanExtremePovertyAnnual = Money(yuan: 9012)
    public static let ruralExtremePovertyAnnual = Money(yuan: 6360)

    /// Urban 2020: 低保 577/month, 特困 9012/year = 751/month.
    public static let urban2020 = AssistanceStandard(
        validRegion: region, year: year, area: .urban,
        minimumLivingAllowance: Money(yuan: 577), extremePovertyBasic: Money(yuan: 751))

    /// Rural 2020: 低保 4428/year = 369/month, 特困 6360/year = 530/month.
    public static let rural2020 = AssistanceStandard(
        validRegion: region, year: year, area: .rural,
        minimumLivingAllowance: Money(yuan: 369), extremePovertyBasic: Money(yuan: 530))

    public static let all: [AssistanceStandard] = [urban2020, rural2020]
}
