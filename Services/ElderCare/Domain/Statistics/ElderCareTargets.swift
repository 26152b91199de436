/// The targets the seed plans set for elder care, as ``PercentageTarget`` values the statistics
/// compare their shares against. Each names its source line.
public enum ElderCareTargets {
    /// Nursing-type beds among all beds of the county's institutions: "全县护理型床位占比不低于55%"
    /// (seed 003 L14, 景泰规划 第三章（二）2, by 2025).
    public static let countyNursingBedShare = PercentageTarget(percent: 55, .atLeast)
    /// Nursing-type beds in 特困 support institutions: "特困人员供养机构护理型床位占比不低于50%"
    /// (seed 002 L10, *市要点 （十一）).
    public static let supportFacilityNursingBedShare = PercentageTarget(percent: 50, .atLeast)
    /// Nursing-type beds in every 敬老院: "全部敬老院护理型床位占比超55%" (seed 001 L26, 济南要点 第10项) —
    /// note "超": strictly more than.
    public static let nursingHomeNursingBedShareJinan = PercentageTarget(percent: 55, .moreThan)
    /// Centralised support of 特困 elderly unable to care for themselves:
    /// "生活不能自理特困老年人集中供养率达到60%以上" (seed 002 L10).
    public static let centralisedSupportOfDependentExtremePoverty = PercentageTarget(percent: 60, .atLeast)
    /// Centralised support of the 特困 people who want it: "有意愿特困人员集中供养率达到100%" (seed 001 L26).
    public static let centralisedSupportOfWilling = PercentageTarget(percent: 100, .atLeast)
    /// Information collection of the eight key categories: "信息采集率100%" (seed 002 L12).
    public static let informationCollection = PercentageTarget(percent: 100, .atLeast)
    /// Key elders visited in a month: "到2025年年底，特殊困难老年人月探访率达到100%" — 民政部等10部门
    /// 《关于开展特殊困难老年人探访关爱服务的指导意见》(2022); not a seed text (People's Daily report).
    public static let monthlyVisitRate = PercentageTarget(percent: 100, .atLeast)
    /// Public institutions rated at their level's grades (township 一至二级, county 二至三级): 40% in
    /// 2023, 80% in 2025 (seed 002 L10–L11).
    public static let publicInstitutionsGraded2023 = PercentageTarget(percent: 40, .atLeast)
    public static let publicInstitutionsGraded2025 = PercentageTarget(percent: 80, .atLeast)
}
