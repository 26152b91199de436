import Contracts

/// Merges what the household declared with what the agencies reported (核对 consolidation).
///
/// Rule: per member and per income kind (and per asset kind), the larger of the declared total
/// and the verified total counts. Why: an agency record proves at least that much income, and a
/// declaration proves at least that much too (a source can be months stale); taking the sum
/// would count the same wages twice. The consolidated items name their origin, so the means
/// test's explanation shows where each figure came from.
public enum VerificationConsolidation {
    public static func consolidate(_ members: [Member], with records: [VerificationRecord]) throws(RuleViolation) -> [Member] {
        try members.map { member throws(RuleViolation) in
            let own = records.filter { $0.person == member.person }
            var incomes: [IncomeItem] = []
            for kind in IncomeItem.Kind.allCases {
                let declared = try Exact.sum(member.incomes.filter { $0.kind == kind }.map(\.monthlyAmount))
                var verified = Money.zero
                var sources: [String] = []
                for record in own {
                    if case .income(kind, let monthly) = record.fact {
                        verified = try Exact.money { () throws(MoneyError) in try verified.adding(monthly) }
                        sources.append(record.source)
                    }
                }
                guard declared > .zero || verified > .zero else { continue }
                let useVerified = verified > declared
                incomes.append(try IncomeItem(kind: kind, monthlyAmount: useVerified ? verified : declared,
                                              note: useVerified ? "verified: " + Set(sources).sorted().joined(separator: ", ") : "declared"))
            }
            var assets: [AssetItem] = []
            for kind in AssetItem.Kind.allCases {
                let declaredItems = member.assets.filter { $0.kind == kind }
                let verifiedItems = own.compactMap { record -> AssetItem? in
                    guard case .asset(kind, let value) = record.fact else { return nil }
                    return try? AssetItem(kind: kind, value: value, note: "verified: \(record.source)")
                }
                // Counts matter for vehicles and property, values for financial assets: keep the larger list by value.
                let declaredValue = try Exact.sum(declaredItems.map(\.value))
                let verifiedValue = try Exact.sum(verifiedItems.map(\.value))
                let useVerified = verifiedValue > declaredValue || (verifiedValue == declaredValue && verifiedItems.count > declaredItems.count)
                assets += useVerified ? verifiedItems : declaredItems
            }
            return try member.with(incomes: incomes, assets: assets)
        }
    }
}
