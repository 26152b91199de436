/// A social-assistance program run by Assistance.
public enum AssistanceProgram: String, Codable, Sendable, CaseIterable {
    /// 最低生活保障 (低保): a monthly allowance covering the whole household.
    case minimumLivingAllowance = "minimum-living-allowance"
    /// 特困人员救助供养.
    case extremePoverty = "extreme-poverty"
    /// 临时救助.
    case temporaryAssistance = "temporary-assistance"
}
