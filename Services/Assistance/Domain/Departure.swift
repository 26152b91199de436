import Contracts
import Foundation

/// A covered person's death as applied to a case.
public struct Departure: Codable, Sendable, Equatable {
    public var person: PersonRef
    public var dateOfDeath: CivilDate
    /// The first month without the person (the month after the death).
    public var fromMonth: YearMonth
    /// Whether the person was the case's only recipient (the case was suspended) or a member
    /// of a larger household (the household was recomputed).
    public var soleRecipient: Bool
    /// The monthly amount before the departure, restored if the death is annulled.
    public var amountBeforeFen: Int64
    public var eventID: UUID

    public init(person: PersonRef, dateOfDeath: CivilDate, fromMonth: YearMonth, soleRecipient: Bool, amountBeforeFen: Int64,
                eventID: UUID) {
        self.person = person
        self.dateOfDeath = dateOfDeath
        self.fromMonth = fromMonth
        self.soleRecipient = soleRecipient
        self.amountBeforeFen = amountBeforeFen
        self.eventID = eventID
    }
}
