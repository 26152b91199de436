import Contracts

/// The outcome of a 低保 means test with its explanation.
public struct MeansTestDecision: Sendable, Hashable {
    public enum Verdict: Sendable, Hashable {
        /// The whole household qualifies.
        case eligibleHousehold
        /// The household does not qualify, but these severely disabled or seriously ill members of a
        /// near-低保 household may each be enrolled as a 单人户 (《景泰县“十四五”民政事业发展规划》第三章（一）1).
        case eligibleSinglePersons([PersonRef])
        case ineligible
    }

    public let verdict: Verdict
    public let householdSize: Int
    /// Monthly standard per person that was applied.
    public let standard: Money
    /// Sum of all members' income items.
    public let grossIncome: Money
    /// Employment costs deducted (members able to work, configured areas).
    public let employmentCostDeduction: Money
    /// grossIncome − employmentCostDeduction, never below zero. The benefit uses this figure.
    public let countableIncome: Money
    /// countableIncome ÷ size, rounded down — for display only; decisions compare exactly.
    public let perCapitaIncome: Money
    public let findings: [MeansTestFinding]

    public var isEligible: Bool { verdict != .ineligible }

    /// The findings joined, one per line.
    public var explanation: String {
        findings.map { "\($0.passed ? "✓" : "✗") \($0.code): \($0.explanation)" }.joined(separator: "\n")
    }
}
