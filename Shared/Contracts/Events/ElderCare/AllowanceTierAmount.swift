/// One tier of an advanced-age allowance standard as events carry it: from `minimumAge` (周岁),
/// `monthlyAmount` a month.
public struct AllowanceTierAmount: Codable, Sendable, Hashable {
    public var minimumAge: Int
    public var monthlyAmount: Money

    public init(minimumAge: Int, monthlyAmount: Money) {
        self.minimumAge = minimumAge
        self.monthlyAmount = monthlyAmount
    }
}
