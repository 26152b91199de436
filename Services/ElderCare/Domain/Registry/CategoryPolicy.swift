/// The figures a county may set for the derived key categories.
public struct CategoryPolicy: Sendable, Hashable, Codable {
    /// 高龄 from this age (周岁). 80: seed 002 L12 pays the advanced-age allowance "为80岁及以上老年人",
    /// and national statistics call 80+ 高龄. (Seed 003 L12 第一章（四） mentions a 70+ subsidy for
    /// enterprise retirees; that is a different benefit, not the category.)
    public var advancedAge: Int
    /// 失能 from this capability level on. 轻度失能: GB/T 42195-2022 itself names every level
    /// below 能力完好 a degree of 失能 (能力轻度受损（轻度失能）…); a county that counts only
    /// moderate dependency and worse sets `.moderate`.
    public var disabledFrom: CapabilityLevel

    public init(advancedAge: Int = 80, disabledFrom: CapabilityLevel = .mild) {
        self.advancedAge = advancedAge
        self.disabledFrom = disabledFrom
    }

    public static let standard = CategoryPolicy()
}
