import Contracts

/// The two kinds of 临时救助.
///
/// - urgent (急难型): a sudden event, accident or serious illness; handled and paid by the place
///   where the emergency happened, with no household registration there needed
///   ("全面落实由急难发生地实施临时救助政策" [002 L8 (八)]; service population [000 L57]).
/// - expenditure (支出型): hardship from rigid expenditure; handled where the household may apply.
public enum TemporaryAssistanceKind: Sendable, Hashable, Codable {
    case urgent(emergencyRegion: RegionCode)
    case expenditure
}
