/// The 26 second-level items (二级指标) of GB/T 42195-2022, in the order of Appendix B, with the
/// highest score each takes (a higher score is more able; 0 is wholly dependent).
///
/// Most items score 0–4 (4 独立完成 … 0 完全依赖); 上下楼梯 and 使用交通工具外出 0–3; 意识水平, 视力 and
/// 听力 0–2; 攻击行为 and 抑郁症状 0–1 (1 未出现). The maxima add up to 90, the total the levels
/// are cut from (``CapabilityLevel``).
public enum CapabilityItem: String, Sendable, Hashable, Codable, CaseIterable {
    // B.1 自理能力
    case eating = "B.1.1"
    case grooming = "B.1.2"
    case bathing = "B.1.3"
    case dressingUpperBody = "B.1.4"
    case dressingLowerBodyAndFootwear = "B.1.5"
    case urinaryControl = "B.1.6"
    case bowelControl = "B.1.7"
    case toileting = "B.1.8"
    // B.2 基础运动能力
    case bedMobility = "B.2.1"
    case chairTransfer = "B.2.2"
    case walkingOnLevelGround = "B.2.3"
    case stairs = "B.2.4"
    // B.3 精神状态
    case timeOrientation = "B.3.1"
    case placeOrientation = "B.3.2"
    case personOrientation = "B.3.3"
    case memory = "B.3.4"
    case comprehension = "B.3.5"
    case expression = "B.3.6"
    case aggressiveBehaviour = "B.3.7"
    case depressiveSymptoms = "B.3.8"
    case consciousness = "B.3.9"
    // B.4 感知觉与社会参与
    case vision = "B.4.1"
    case hearing = "B.4.2"
    case dailyAffairs = "B.4.3"
    case goingOutByTransport = "B.4.4"
    case socialInteraction = "B.4.5"

    /// The table number in Appendix B, e.g. `B.3.9`.
    public var code: String { rawValue }

    public var domain: CapabilityDomain {
        switch rawValue.prefix(3) {
        case "B.1": .selfCare
        case "B.2": .basicMobility
        case "B.3": .mentalState
        default: .perceptionAndSocialParticipation
        }
    }

    public var maximumScore: Int {
        switch self {
        case .stairs, .goingOutByTransport: 3
        case .consciousness, .vision, .hearing: 2
        case .aggressiveBehaviour, .depressiveSymptoms: 1
        default: 4
        }
    }

    public var chineseName: String {
        switch self {
        case .eating: "进食"
        case .grooming: "修饰"
        case .bathing: "洗澡"
        case .dressingUpperBody: "穿/脱上衣"
        case .dressingLowerBodyAndFootwear: "穿/脱裤子和鞋袜"
        case .urinaryControl: "小便控制"
        case .bowelControl: "大便控制"
        case .toileting: "如厕"
        case .bedMobility: "床上体位转移"
        case .chairTransfer: "床椅转移"
        case .walkingOnLevelGround: "平地行走"
        case .stairs: "上下楼梯"
        case .timeOrientation: "时间定向"
        case .placeOrientation: "空间定向"
        case .personOrientation: "人物定向"
        case .memory: "记忆"
        case .comprehension: "理解能力"
        case .expression: "表达能力"
        case .aggressiveBehaviour: "攻击行为"
        case .depressiveSymptoms: "抑郁症状"
        case .consciousness: "意识水平"
        case .vision: "视力"
        case .hearing: "听力"
        case .dailyAffairs: "执行日常事务"
        case .goingOutByTransport: "使用交通工具外出"
        case .socialInteraction: "社会交往能力"
        }
    }
}
