import Contracts

/// One booking of a slot on a day, as the rules see it.
///
/// Why `cancelledOn` and not deletion: a cancelled booking stays on record (who cancelled when),
/// but no longer counts in ``BookingCounts``.
public struct AppointmentBooking: Sendable, Hashable {
    public var slot: String
    public var date: CivilDate
    /// Set when the booking was cancelled.
    public var cancelledOn: CivilDate?

    public init(slot: String, date: CivilDate, cancelledOn: CivilDate? = nil) {
        self.slot = slot
        self.date = date
        self.cancelledOn = cancelledOn
    }

    public var isActive: Bool { cancelledOn == nil }
}
