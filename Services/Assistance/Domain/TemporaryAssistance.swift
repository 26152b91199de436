import Contracts
import Foundation

/// Rules of 临时救助 (temporary assistance).
public enum TemporaryAssistance {
    /// The 24-hour target from report to advance ("对急难对象实施24小时先行救助", 济民发〔2022〕3号《2022年全市民政工作要点》第43项).
    public static let advanceTarget: TimeInterval = 24 * 60 * 60

    /// The county responsible for the case.
    ///
    /// - urgent: the county where the emergency happened, whatever the residence (no household
    ///   registration needed ("全面落实由急难发生地实施临时救助政策", *市《2023年全市民政工作要点》（八）)).
    /// - expenditure: the county of the first residence basis that allows applying there
    ///   (household registration first, then permit, then permanent residence). Refuses
    ///   `temporary-assistance.no-residence-basis` when there is none.
    public static func responsibleRegion(kind: TemporaryNeed, residence: [ResidenceBasis],
                                         policy: ResidencePolicy = ResidencePolicy()) throws(RuleViolation) -> RegionCode {
        switch kind {
        case .urgent(let emergencyRegion):
            return emergencyRegion.county
        case .expenditure:
            guard let county = ResidenceBasis.responsibleCounty(residence, policy: policy) else {
                throw RuleViolation("temporary-assistance.no-residence-basis",
                    "expenditure-type assistance needs a household registration or an accepted residence basis")
            }
            return county
        }
    }

    /// A report is taken by a township (`temporary-assistance.not-township`).
    public static func requireTownship(_ township: RegionCode) throws(RuleViolation) {
        guard township.level == .township else {
            throw .invalid("temporary-assistance.not-township", "township must be a 9-digit township code")
        }
    }

    /// The county that handles a case reported at `township`: the responsible one, which must be
    /// the township's own (`temporary-assistance.wrong-region`).
    public static func handlingRegion(need: TemporaryNeed, residence: [ResidenceBasis], reportedAt township: RegionCode,
                                      policy: ResidencePolicy) throws(RuleViolation) -> RegionCode {
        let region = try responsibleRegion(kind: need, residence: residence, policy: policy)
        guard region == township.county else {
            throw RuleViolation("temporary-assistance.wrong-region", "this case is handled by \(region), not by a township of \(township.county)")
        }
        return region
    }

    /// Whether `region` may handle the case (any township of the responsible county).
    public static func mayHandle(kind: TemporaryNeed, residence: [ResidenceBasis], in region: RegionCode,
                                 policy: ResidencePolicy = ResidencePolicy()) -> Bool {
        guard let responsible = try? responsibleRegion(kind: kind, residence: residence, policy: policy) else { return false }
        return responsible == region.county
    }

    /// Advances an urgent payment from the township's reserve (先行救助) and returns the fund after
    /// the draw. Refuses `temporary-assistance.advance-not-urgent` (only urgent cases are advanced),
    /// `temporary-assistance.township-outside-region` (the township is not in the emergency county),
    /// `temporary-assistance.advance-over-cap` (a configured cap per advance), and the fund's
    /// `reserve.insufficient` / `reserve.amount-not-positive`.
    public static func advance(_ amount: Money, kind: TemporaryNeed, from fund: TownshipReserveFund,
                               cap: Money? = nil) throws(RuleViolation) -> TownshipReserveFund {
        guard case .urgent(let emergencyRegion) = kind else {
            throw RuleViolation("temporary-assistance.advance-not-urgent", "only urgent (急难型) cases are advanced from the reserve")
        }
        guard fund.township.county == emergencyRegion.county else {
            throw RuleViolation("temporary-assistance.township-outside-region",
                "township \(fund.township) is not in the emergency county \(emergencyRegion.county)")
        }
        if let cap, amount > cap {
            throw RuleViolation("temporary-assistance.advance-over-cap", "advance \(amount) exceeds the cap \(cap)")
        }
        var updated = fund
        try updated.draw(amount)
        return updated
    }

    /// Whether the 24-hour advance target was missed.
    ///
    /// - advanced: breach when more than 24 h passed between report and advance (exactly 24 h is on time).
    /// - not advanced and `asOf` given: breach when more than 24 h have passed by `asOf`.
    /// - not advanced and no `asOf`: the case closed without an advance, which is a breach.
    /// An advance recorded before the report (clock skew or bad data) is not a breach; validate
    /// such input with ``validateAdvance(reportedAt:advancedAt:)``.
    public static func advanceBreach(reportedAt: Date, advancedAt: Date?, asOf: Date? = nil) -> Bool {
        if let advancedAt { return advancedAt.timeIntervalSince(reportedAt) > advanceTarget }
        guard let asOf else { return true }
        return asOf.timeIntervalSince(reportedAt) > advanceTarget
    }

    /// Refuses an advance timestamped before the report (`temporary-assistance.advance-before-report`).
    public static func validateAdvance(reportedAt: Date, advancedAt: Date) throws(RuleViolation) {
        guard advancedAt >= reportedAt else {
            throw RuleViolation.invalid("temporary-assistance.advance-before-report", "the advance is dated before the report")
        }
    }
}
