import Contracts

/// Year-on-year growth of a new standard over the one in force the year before, against the
/// floors: which figures fell short, and by how much.
///
/// - 低保: at least its configured floor and, when the publication gives it, the previous year's
///   consumption growth, whichever is higher ("城乡低保标准年度增速不低于居民上年度人均消费支出增速",
///   《景泰县“十四五”民政事业发展规划》第三章（一）2, seed 003 line 13; "城乡低保…提高不低于10%", seed 001 line 20).
/// - 特困 basic: its configured floor ("城市特困人员供养标准提高不低于10%,农村特困人员供养标准提高不低于15%").
/// - Each care tier present in both standards: its configured floor ("照料护理标准提高不低于10%").
///
/// Comparisons are exact: published × 1000 < previous × (1000 + floor) falls short.
public enum StandardGrowth {
    public static func shortfalls(new: AssistanceStandard, previous: AssistanceStandard, floors: StandardGrowthFloors,
                                  consumptionGrowth: ConsumptionGrowth?) throws(RuleViolation) -> [GrowthShortfall] {
        var shortfalls: [GrowthShortfall] = []
        func check(_ figure: StandardFigure, tier: SelfCareAbility? = nil, previous: Money, published: Money,
                   floor: (permille: Int, basis: GrowthFloorBasis)?) throws(RuleViolation) {
            guard let floor else { return }
            let scale = Int128(1_000)
            guard Int128(published.fen) * scale < Int128(previous.fen) * (scale + Int128(floor.permille)) else { return }
            let required = try Exact.money { () throws(MoneyError) in
                try previous.multiplied(byRatio: Int64(1_000 + floor.permille), denominator: 1_000, rounding: .up)
            }
            shortfalls.append(GrowthShortfall(figure: figure, tier: tier, previous: previous, published: published,
                                              floorPermille: floor.permille, basis: floor.basis, required: required))
        }
        let area = new.area
        try check(.minimumLivingAllowance, previous: previous.minimumLivingAllowance, published: new.minimumLivingAllowance,
                  floor: minimumLivingAllowanceFloor(configured: floors.floor(of: .minimumLivingAllowance, in: area),
                                                     consumptionGrowth: consumptionGrowth))
        try check(.extremePovertyBasic, previous: previous.extremePovertyBasic, published: new.extremePovertyBasic,
                  floor: floors.floor(of: .extremePovertyBasic, in: area).map { ($0, .configured) })
        for tier in SelfCareAbility.allCases {
            guard let before = previous.careStandard(for: tier), let now = new.careStandard(for: tier) else { continue }
            try check(.extremePovertyCare, tier: tier, previous: before, published: now,
                      floor: floors.floor(of: .extremePovertyCare, in: area).map { ($0, .configured) })
        }
        return shortfalls
    }

    /// The higher of the configured 低保 floor and the consumption growth; a consumption growth
    /// that is not above the configured floor (or is negative) does not bind.
    static func minimumLivingAllowanceFloor(configured: Int?, consumptionGrowth: ConsumptionGrowth?) -> (permille: Int, basis: GrowthFloorBasis)? {
        let consumption = consumptionGrowth.map(\.permille).flatMap { $0 > 0 ? $0 : nil }
        switch (configured, consumption) {
        case (nil, nil): return nil
        case (let configured?, nil): return (configured, .configured)
        case (nil, let consumption?): return (consumption, .consumptionGrowth)
        case (let configured?, let consumption?):
            return consumption > configured ? (consumption, .consumptionGrowth) : (configured, .configured)
        }
    }
}
