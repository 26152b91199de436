import Contracts

/// Why payments of a case stopped.
public enum CaseSuspension: Sendable, Hashable, Codable {
    /// The recipient died on this day. The death month is still paid; from the following month
    /// nothing is paid, and months already paid after it are recovered (a service rule).
    case death(on: CivilDate)
    /// Suspended from this month on (e.g. pending review).
    case administrative(from: YearMonth)

    /// The first month not paid.
    public var firstUnpaidMonth: YearMonth {
        switch self {
        case .death(let date): date.yearMonth.next
        case .administrative(let month): month
        }
    }
}
