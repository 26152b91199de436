import Contracts

/// One rule the means test applied, whether it passed, and the figures behind it.
///
/// Why explained findings: decisions must be traceable to the data the worker had
/// (容错纠错 / 尽职免责 [003 L13 §3.1.2; 000 L31]), and applicants are told which rule failed.
public struct MeansTestFinding: Sendable, Hashable {
    /// Stable code, e.g. `means-test.income-below-standard`.
    public let code: String
    public let passed: Bool
    /// Human-readable explanation with the figures.
    public let explanation: String
}
