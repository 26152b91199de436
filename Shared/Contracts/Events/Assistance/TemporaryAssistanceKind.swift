/// The two kinds of 临时救助.
public enum TemporaryAssistanceKind: String, Codable, Sendable, CaseIterable {
    /// 急难型: a sudden event, accident or serious illness; handled and paid where the emergency
    /// happened, with no household registration there needed.
    case urgent
    /// 支出型: hardship from rigid expenditure (medical, education); handled where the household may apply.
    case expenditure
}
