/// The self-care tier that selects a 特困 care standard (照料护理标准), from the capability assessment.
public enum SelfCareTier: String, Codable, Sendable, CaseIterable {
    /// 生活能够自理 (全自理).
    case selfCaring = "self-caring"
    /// 部分丧失生活自理能力 (半自理).
    case partiallyDependent = "partially-dependent"
    /// 完全丧失生活自理能力 (全护理).
    case fullyDependent = "fully-dependent"
}
