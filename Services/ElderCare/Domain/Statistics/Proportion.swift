/// A share counted in whole units: `count` of `total` (beds, people, visits).
///
/// Why integers: targets are percentages ("不低于55%"), and a share exactly on the line must
/// meet it; comparing by cross-multiplication decides the boundary without rounding.
/// An empty population (`total` 0) has no share: ``fraction`` is nil and no target is met or
/// missed by it (``PercentageTarget/isMet(by:)`` answers nil), so a county without 特困 elderly
/// is not reported as failing a 60% target.
public struct Proportion: Sendable, Hashable, Codable, CustomStringConvertible {
    public let count: Int
    public let total: Int

    /// `count` is clamped into 0…`total` and `total` to at least 0: a share is never negative or
    /// above the whole (callers count subsets of the total).
    public init(count: Int, of total: Int) {
        self.total = max(total, 0)
        self.count = min(max(count, 0), self.total)
    }

    public var isEmpty: Bool { total == 0 }

    /// `count / total`, nil when empty. For display only; decisions use ``PercentageTarget``.
    public var fraction: Double? { total == 0 ? nil : Double(count) / Double(total) }

    /// The share in per mille, rounded half up (e.g. 556 for 55.6%); nil when empty.
    public var perMille: Int? { total == 0 ? nil : (count * 2000 + total) / (2 * total) }

    public var description: String { "\(count)/\(total)" }
}

/// A percentage target as the documents phrase it: "不低于N%" / "N%以上" (at least) or "超N%"
/// (more than).
public struct PercentageTarget: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Comparison: String, Sendable, Hashable, Codable {
        /// 不低于 / 以上 / 达到: the share may equal the percentage.
        case atLeast = "at-least"
        /// 超 / 高于: the share must exceed it.
        case moreThan = "more-than"
    }

    public let percent: Int
    public let comparison: Comparison

    public init(percent: Int, _ comparison: Comparison = .atLeast) {
        self.percent = percent
        self.comparison = comparison
    }

    /// Whether `share` meets the target, exactly; nil when `share` is empty.
    public func isMet(by share: Proportion) -> Bool? {
        guard !share.isEmpty else { return nil }
        let scaled = share.count * 100
        let line = share.total * percent
        switch comparison {
        case .atLeast: return scaled >= line
        case .moreThan: return scaled > line
        }
    }

    /// How many more units of the total must qualify to meet the target (0 when met; nil when
    /// `share` is empty). For a bed ratio: how many general beds to convert to nursing-type.
    public func shortfall(of share: Proportion) -> Int? {
        guard !share.isEmpty else { return nil }
        let line = share.total * percent
        var needed = line / 100 + (line % 100 == 0 ? 0 : 1)
        if comparison == .moreThan, line % 100 == 0 { needed += 1 }
        return max(min(needed, share.total) - share.count, 0)
    }

    public var description: String { (comparison == .atLeast ? "≥" : ">") + "\(percent)%" }
}
