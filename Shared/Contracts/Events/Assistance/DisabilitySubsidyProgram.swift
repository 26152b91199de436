/// One of the disability two subsidies (残疾人两项补贴), each paid as a program of its own.
public enum DisabilitySubsidyProgram: String, Codable, Sendable, CaseIterable {
    /// 困难残疾人生活补贴.
    case living = "disability-living-subsidy"
    /// 重度残疾人护理补贴.
    case nursing = "disability-nursing-subsidy"
}
