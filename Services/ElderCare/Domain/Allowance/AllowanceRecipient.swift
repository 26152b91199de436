import Contracts

/// What the allowance needs to know about one older person.
public struct AllowanceRecipient: Sendable, Hashable {
    public let id: ResidentID
    /// The first month the county's register covers the person (registered, or moved into the
    /// county). No month before it is owed: a county pays the people on its register (service rule;
    /// the allowance is granted automatically at 80 to the registered, issue 12).
    public let registeredFrom: YearMonth
    /// The Registry's date of death (corrected if corrected; nil when none, or annulled).
    public let diedOn: CivilDate?
    /// The days on which a proof of life was made.
    public let proofsOfLife: [CivilDate]

    public init(id: ResidentID, registeredFrom: YearMonth, diedOn: CivilDate? = nil, proofsOfLife: [CivilDate] = []) {
        self.id = id
        self.registeredFrom = registeredFrom
        self.diedOn = diedOn
        self.proofsOfLife = proofsOfLife
    }
}
