/// The four first-level indicators (一级指标) of GB/T 42195-2022 《老年人能力评估规范》.
///
/// Source: the standard's Appendix B tables B.1–B.4 as transcribed in public implementations
/// (the standard's text itself was not available to us); the four names and the 26 second-level
/// items are confirmed by the State Administration for Market Regulation's announcement as
/// Xinhua reported it (2023-01-18). See docs/rules.md, "Capability assessment".
public enum CapabilityDomain: String, Sendable, Hashable, Codable, CaseIterable {
    /// 自理能力 (B.1): 8 items, 0–32.
    case selfCare = "self-care"
    /// 基础运动能力 (B.2): 4 items, 0–15.
    case basicMobility = "basic-mobility"
    /// 精神状态 (B.3): 9 items, 0–28.
    case mentalState = "mental-state"
    /// 感知觉与社会参与 (B.4): 5 items, 0–15.
    case perceptionAndSocialParticipation = "perception-and-social-participation"

    public var chineseName: String {
        switch self {
        case .selfCare: "自理能力"
        case .basicMobility: "基础运动能力"
        case .mentalState: "精神状态"
        case .perceptionAndSocialParticipation: "感知觉与社会参与"
        }
    }

    public var items: [CapabilityItem] { CapabilityItem.allCases.filter { $0.domain == self } }

    /// The highest domain score: the sum of its items' maxima.
    public var maximumScore: Int { items.reduce(0) { $0 + $1.maximumScore } }
}
