/// What decides an applicant's priority class, as the register knows it when the queue is ordered
/// (a person who becomes 特困 while waiting moves up). Codable: the waiting list stores what the
/// caseworker recorded at application.
public struct ApplicantCircumstances: Sendable, Hashable, Codable {
    /// The key categories on the day the queue is ordered (``ElderFacts/categories(on:policy:)``).
    public var categories: Set<KeyCategory>
    /// The latest capability level, if assessed.
    public var capability: CapabilityLevel?
    /// Holds a disability certificate of any grade (残疾; 重残 is grades 1–2 only).
    public var hasDisabilityCertificate: Bool
    /// 孤寡: no spouse and no children (seed 003 L14 names "经济困难的孤寡…老年人").
    public var withoutFamily: Bool
    /// 作出特殊贡献的老年人 (seed 003 L14): model workers, heroes, 优抚对象 as the county lists them.
    public var specialContribution: Bool

    public init(categories: Set<KeyCategory>, capability: CapabilityLevel? = nil, hasDisabilityCertificate: Bool = false,
                withoutFamily: Bool = false, specialContribution: Bool = false) {
        self.categories = categories
        self.capability = capability
        self.hasDisabilityCertificate = hasDisabilityCertificate
        self.withoutFamily = withoutFamily
        self.specialContribution = specialContribution
    }
}
