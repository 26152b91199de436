import Contracts

/// What the allowance needs to know about one older person.
public struct AllowanceRecipient: Sendable, Hashable {
    /// The birth date (from the resident ID): the only thing about the person the tiers read.
    public let birthDate: CivilDate
    /// The first month the county's register covers the person (registered, or moved into the
    /// county). No month before it is owed: a county pays the people on its register (service rule;
    /// the allowance is granted automatically at 80 to the registered, issue 12).
    public let registeredFrom: YearMonth
    /// The Registry's date of death (corrected if corrected; nil when none, or annulled).
    public let diedOn: CivilDate?
    /// The days on which a proof of life was made.
    public let proofsOfLife: [CivilDate]

    public init(id: ResidentID, registeredFrom: YearMonth, diedOn: CivilDate? = nil, proofsOfLife: [CivilDate] = []) {
        self.init(bornOn: id.birthDate, registeredFrom: registeredFrom, diedOn: diedOn, proofsOfLife: proofsOfLife)
    }

    /// As the register stores the person: the birth date without the resident ID (the service
    /// reads the allowance's facts without personal data).
    public init(bornOn birthDate: CivilDate, registeredFrom: YearMonth, diedOn: CivilDate? = nil, proofsOfLife: [CivilDate] = []) {
        self.birthDate = birthDate
        self.registeredFrom = registeredFrom
        self.diedOn = diedOn
        self.proofsOfLife = proofsOfLife
    }

    /// The same person with another date of death (a death recorded, corrected or annulled).
    public func dying(on date: CivilDate?) -> AllowanceRecipient {
        AllowanceRecipient(bornOn: birthDate, registeredFrom: registeredFrom, diedOn: date, proofsOfLife: proofsOfLife)
    }
}
