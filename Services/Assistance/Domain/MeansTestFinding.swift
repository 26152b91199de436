import Contracts

/// One rule the means test applied, whether it passed, and the figures behind it.
///
/// Why explained findings: decisions must be traceable to the data the worker had
/// (容错纠错, 《景泰县“十四五”民政事业发展规划》第三章（一）2; 精准核对, 《2020年成都市民政工作要点》第3点), and applicants are told which rule failed.
public struct MeansTestFinding: Sendable, Hashable {
    /// Stable code, e.g. `means-test.income-below-standard`.
    public let code: String
    public let passed: Bool
    /// Human-readable explanation with the figures.
    public let explanation: String
}
