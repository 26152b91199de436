import Contracts

/// The need behind a 临时救助 case: its kind, and for an urgent one the place of the emergency.
///
/// - urgent (急难型): a sudden event, accident or serious illness; handled and paid by the place
///   where the emergency happened, with no household registration there needed
///   ("全面落实由急难发生地实施临时救助政策", *市《2023年全市民政工作要点》（八）; 服务人口, 《2020年成都市民政工作要点》第16点).
/// - expenditure (支出型): hardship from rigid expenditure; handled where the household may apply.
public enum TemporaryNeed: Sendable, Hashable, Codable {
    case urgent(emergencyRegion: RegionCode)
    case expenditure

    /// The kind, as events and the store name it.
    public var kind: TemporaryAssistanceKind {
        switch self {
        case .urgent: .urgent
        case .expenditure: .expenditure
        }
    }
}
