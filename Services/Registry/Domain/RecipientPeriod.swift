import Contracts

/// A span of days during which a person received a social-assistance benefit (from Assistance).
///
/// Why inclusive bounds: `from` is the first covered day and `to` the last, as the benefit
/// decisions state them; `to == nil` means the benefit is still running. A period whose `to`
/// precedes `from` covers no day (bad data is not eligibility).
public struct RecipientPeriod: Sendable, Hashable {
    /// The two programmes whose recipients get free basic funeral services.
    public enum Program: String, Sendable, Hashable, CaseIterable {
        /// 最低生活保障 (低保).
        case minimumLivingAllowance
        /// 特困人员救助供养 (特困).
        case extremePoverty
    }

    public var program: Program
    public var from: CivilDate
    /// Last covered day; nil while still active.
    public var to: CivilDate?

    public init(program: Program, from: CivilDate, to: CivilDate?) {
        self.program = program
        self.from = from
        self.to = to
    }

    /// Whether `date` lies in `from ... to` (both inclusive; open-ended when `to` is nil).
    public func covers(_ date: CivilDate) -> Bool {
        date >= from && (to.map { date <= $0 } ?? true)
    }
}

extension RecipientPeriod.Program {
    /// The programme of an Assistance benefit, if its recipients get the free basic funeral:
    /// 临时救助 (temporary assistance) recipients do not.
    public init?(_ program: AssistanceProgram) {
        switch program {
        case .minimumLivingAllowance: self = .minimumLivingAllowance
        case .extremePoverty: self = .extremePoverty
        case .temporaryAssistance: return nil
        }
    }
}
