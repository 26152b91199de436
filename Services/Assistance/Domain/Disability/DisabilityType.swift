/// The category on the 残疾人证 (disability certificate).
///
/// The nursing subsidy names two of them: from July 2023 grades 3–4 of 智力 (intellectual) and
/// 精神 (mental) disability are covered ("从2023年7月起将三、四级智力和精神残疾人纳入重度残疾人护理补贴范围",
/// 王宏斌（成都市民政局）署名文章, seed 004 L12; "将三、四级智力精神非重度残疾人纳入护理补贴范围", 济民发〔2022〕3号 第28项).
/// The other five are the national classification (GB/T 26341), listed so any certificate can be recorded.
public enum DisabilityType: String, Sendable, Hashable, Codable, CaseIterable {
    case visual          // 视力
    case hearing         // 听力
    case speech          // 言语
    case physical        // 肢体
    case intellectual    // 智力
    case mental          // 精神
    case multiple        // 多重

    /// 智力 or 精神: the two types whose grades 3–4 the nursing subsidy extends to.
    public var isIntellectualOrMental: Bool { self == .intellectual || self == .mental }
}
