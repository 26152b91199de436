import Contracts

/// Booking rules of one marriage registration office: a daily capacity, named slots with their
/// own capacities, and peak days on which only booked couples are served.
///
/// Source: 成都市民政局局长王宏斌2023年署名文章「完善基本社会服务体系」部分，一是「持续推进婚俗改革」:
/// "在“5·20”“七夕”等登记高峰时段实行预约办理、分时分流错峰登记" — on the peak
/// days 5·20 (20 May) and 七夕 (7th day of the 7th lunar month) registration is by appointment,
/// in time slots. Walk-ins are therefore refused on peak days (`appointment.peak-day-booking-required`).
///
/// Which days are peak days is ``PeakDays``: 5·20 and 七夕 of every year, plus the configured ones.
///
/// Check order (first refusal wins): unknown slot, date in the past, day full, slot full.
/// "Day full" comes before "slot full" because it tells the couple that no other slot that day
/// will do either. A booking for today is allowed.
public struct AppointmentBook: Sendable, Hashable {
    /// Everyone the office can serve in one day, booked or walk-in.
    public let dailyCapacity: Int
    public let slots: [AppointmentSlot]
    public let peakDays: PeakDays

    /// Refuses a negative capacity, an empty or duplicate slot name.
    public init(dailyCapacity: Int, slots: [AppointmentSlot], peakDays: PeakDays = PeakDays()) throws(RuleViolation) {
        guard dailyCapacity >= 0 else {
            throw .invalid("appointment.invalid-configuration", "daily capacity must not be negative, got \(dailyCapacity)")
        }
        var names = Set<String>()
        for slot in slots {
            guard !slot.name.isEmpty else {
                throw .invalid("appointment.invalid-configuration", "a slot needs a name")
            }
            guard slot.capacity >= 0 else {
                throw .invalid("appointment.invalid-configuration", "slot \(slot.name) has negative capacity \(slot.capacity)")
            }
            guard names.insert(slot.name).inserted else {
                throw .invalid("appointment.invalid-configuration", "slot name \(slot.name) appears twice")
            }
        }
        self.dailyCapacity = dailyCapacity
        self.slots = slots
        self.peakDays = peakDays
    }

    public func isPeakDay(_ date: CivilDate) -> Bool { peakDays.contains(date) }

    public func slot(named name: String) -> AppointmentSlot? { slots.first { $0.name == name } }

    /// Whether one more couple may book `slot` on `date`, given what is already booked that day.
    public func canBook(slot name: String, date: CivilDate, today: CivilDate, existingBookings: BookingCounts) throws(RuleViolation) {
        guard let slot = slot(named: name) else {
            throw .invalid("appointment.unknown-slot", "the office has no slot named \"\(name)\"")
        }
        guard date >= today else {
            throw .invalid("appointment.date-in-past", "\(date.iso) is before today \(today.iso)")
        }
        guard existingBookings.total < dailyCapacity else {
            throw RuleViolation("appointment.day-full", "all \(dailyCapacity) places on \(date.iso) are taken", kind: .conflict)
        }
        guard existingBookings.count(in: name) < slot.capacity else {
            throw RuleViolation("appointment.slot-full", "all \(slot.capacity) places in \(name) on \(date.iso) are taken", kind: .conflict)
        }
    }

    /// ``canBook(slot:date:today:existingBookings:)``, then the new booking.
    public func book(slot name: String, date: CivilDate, today: CivilDate, existingBookings: BookingCounts) throws(RuleViolation) -> AppointmentBooking {
        try canBook(slot: name, date: date, today: today, existingBookings: existingBookings)
        return AppointmentBooking(slot: name, date: date)
    }

    /// Whether a couple without a booking may be served today: never on a peak day, otherwise
    /// while the day has room.
    public func canAdmitWalkIn(today: CivilDate, existingBookings: BookingCounts) throws(RuleViolation) {
        guard !isPeakDay(today) else {
            throw RuleViolation(
                "appointment.peak-day-booking-required",
                "\(today.iso) is a peak registration day: only couples with a booked slot are served (预约办理、分时分流)")
        }
        guard existingBookings.total < dailyCapacity else {
            throw RuleViolation("appointment.day-full", "all \(dailyCapacity) places on \(today.iso) are taken", kind: .conflict)
        }
    }

    /// Cancels an active booking whose day has not passed (cancelling on the day itself is allowed).
    /// The adapter then stops counting it.
    public func cancel(_ booking: AppointmentBooking, today: CivilDate) throws(RuleViolation) -> AppointmentBooking {
        if let cancelledOn = booking.cancelledOn {
            throw RuleViolation("appointment.already-cancelled", "the booking was cancelled on \(cancelledOn.iso)", kind: .conflict)
        }
        guard booking.date >= today else {
            throw RuleViolation("appointment.cancel-in-past", "the appointment on \(booking.date.iso) has passed")
        }
        var cancelled = booking
        cancelled.cancelledOn = today
        return cancelled
    }
}
