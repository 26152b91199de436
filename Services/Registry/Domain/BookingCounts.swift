import Contracts

/// What is already booked on one day at one office: bookings per slot, plus walk-ins admitted.
///
/// Why counts: ``AppointmentBook`` stays pure; the adapter counts active (not cancelled) bookings
/// in the same transaction in which it inserts the new one.
public struct BookingCounts: Sendable, Hashable {
    /// Active bookings by slot name. Missing names count as 0.
    public var bySlot: [String: Int]
    /// Walk-ins (no booking) admitted that day; they use day capacity but no slot.
    public var walkIns: Int

    public init(bySlot: [String: Int] = [:], walkIns: Int = 0) {
        self.bySlot = bySlot
        self.walkIns = walkIns
    }

    public static let none = BookingCounts()

    public func count(in slot: String) -> Int { bySlot[slot] ?? 0 }

    /// Everyone the day already serves: all slot bookings and walk-ins.
    public var total: Int { bySlot.values.reduce(walkIns, +) }
}
