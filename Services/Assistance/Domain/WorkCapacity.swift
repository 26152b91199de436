import Contracts

/// Work capacity (劳动能力) as assessed for the means test.
///
/// Why it matters: employment costs are deducted only for members able to work
/// ("鼓励有劳动能力的…低保对象参与就业,在计算家庭收入时扣减必要的就业成本", 《景泰县“十四五”民政事业发展规划》第三章（一）1), and 特困
/// requires none at all.
public enum WorkCapacity: String, Sendable, Hashable, Codable, CaseIterable {
    case full
    case partial
    case none

    /// Full or partial capacity.
    public var canWork: Bool { self != .none }
}
