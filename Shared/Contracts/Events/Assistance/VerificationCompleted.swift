import Foundation

/// `civil.assistance.verification-completed.v1`: the household economic-status verification
/// (家庭经济状况核对) of an application finished.
///
/// Published by Assistance once every data source has answered or timed out, before the decision.
/// Keyed by the application id, after its `ApplicationSubmitted`. Carries totals and stable finding
/// codes only, never the income or asset items themselves. Consumed by ministry dashboards
/// (核对 turnaround and means-test outcomes); no service of the suite acts on it yet.
public struct VerificationCompleted: DomainEvent {
    public static let eventType = EventType(.assistance, "verification-completed", version: 1)

    public var applicationID: UUID
    public var program: AssistanceProgram
    /// The responsible county.
    public var region: RegionCode
    /// The household members whose situation was verified; at least one.
    public var members: [PersonRef]
    public var completedOn: CivilDate
    /// The household's monthly income divided by its members, in fen.
    public var monthlyIncomePerCapita: Money
    /// The household's total assets, in fen.
    public var totalAssets: Money
    /// Whether the household passes the program's income and asset test.
    public var meetsMeansTest: Bool
    /// Stable finding codes (e.g. `"means-test.income-above-standard"`); empty when nothing was found.
    public var findings: [String]
    /// The data sources consulted (e.g. `"tax"`, `"social-insurance"`, `"real-estate"`).
    public var sources: [String]

    public init(applicationID: UUID, program: AssistanceProgram, region: RegionCode, members: [PersonRef],
                completedOn: CivilDate, monthlyIncomePerCapita: Money, totalAssets: Money, meetsMeansTest: Bool,
                findings: [String], sources: [String]) {
        self.applicationID = applicationID
        self.program = program
        self.region = region
        self.members = members
        self.completedOn = completedOn
        self.monthlyIncomePerCapita = monthlyIncomePerCapita
        self.totalAssets = totalAssets
        self.meetsMeansTest = meetsMeansTest
        self.findings = findings
        self.sources = sources
    }

    public var aggregateID: String { applicationID.uuidString.lowercased() }
}
