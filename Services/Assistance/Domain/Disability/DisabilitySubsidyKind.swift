import Contracts

/// The two subsidies (残疾人两项补贴), each a program of its own on the shared roster.
public enum DisabilitySubsidyKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 困难残疾人生活补贴: disabled people in households in difficulty.
    case living
    /// 重度残疾人护理补贴: severely disabled people (and grades 3–4 intellectual/mental from July 2023).
    case nursing

    /// The program in the subsidy's events (`disability-subsidy-granted`, `-stopped`).
    public var program: DisabilitySubsidyProgram {
        switch self {
        case .living: .living
        case .nursing: .nursing
        }
    }
}
