import Contracts
import Testing
@testable import RegistryDomain
import TestKit

@Suite("Appointment book of a registration office", .tags(.unit))
struct AppointmentBookTests {
    typealias F = RegistryDomainFixture

    static var book: AppointmentBook {
        get throws {
            try AppointmentBook(
                dailyCapacity: 10,
                slots: [AppointmentSlot(name: "09:00-10:00", capacity: 5), AppointmentSlot(name: "10:00-11:00", capacity: 5),
                        AppointmentSlot(name: "14:00-15:00", capacity: 4), AppointmentSlot(name: "closed", capacity: 0)])
        }
    }
    static let morning = "09:00-10:00"
    static var today: CivilDate { get throws { try F.day("2026-05-11") } }

    /// The refusal to book `slot` on `date` (default 2026-05-12).
    func refusal(slot: String = morning, date: CivilDate? = nil, counts: BookingCounts = .none) throws -> RuleViolation? {
        try F.refusal {
            try Self.book.canBook(slot: slot, date: date ?? F.day("2026-05-12"), today: Self.today, existingBookings: counts)
        }
    }

    @Test func theBookUses520AndQixiUnlessDaysAreAdded() throws {
        #expect(try Self.book.peakDays == PeakDays())
        #expect(try Self.book.isPeakDay(F.day("2026-05-20")))
        #expect(try Self.book.isPeakDay(F.day("2026-08-19")))
    }

    @Test func bookingWithRoomIsAccepted() throws {
        #expect(try refusal() == nil)
        let booking = try Self.book.book(slot: Self.morning, date: Self.today, today: Self.today, existingBookings: .none)
        #expect(try booking == AppointmentBooking(slot: Self.morning, date: Self.today))
        #expect(booking.isActive == true)
    }

    @Test func unknownSlotIsRefused() throws {
        #expect(try refusal(slot: "08:00-09:00")?.code == "appointment.unknown-slot")
        #expect(try refusal(slot: "08:00-09:00")?.kind == .invalidInput)
    }

    @Test(arguments: [(-1, "appointment.date-in-past"), (-365, "appointment.date-in-past"), (0, nil), (1, nil), (90, nil)])
    func bookingInThePastIsRefused(offset: Int, code: String?) throws {
        #expect(try refusal(date: Self.today.adding(days: offset))?.code == code)
    }

    @Test(arguments: [(0, nil), (4, nil), (5, "appointment.slot-full"), (6, "appointment.slot-full")])
    func slotCapacity(booked: Int, code: String?) throws {
        let counts = BookingCounts(bySlot: [Self.morning: booked])
        #expect(try refusal(counts: counts)?.code == code)
        // Other slots are unaffected.
        #expect(try refusal(slot: "10:00-11:00", counts: counts) == nil)
    }

    @Test func aZeroCapacitySlotIsAlwaysFull() throws {
        #expect(try refusal(slot: "closed")?.code == "appointment.slot-full")
        #expect(try refusal(slot: "closed")?.kind == .conflict)
    }

    /// Daily capacity 10; bookings spread over slots and walk-ins all count.
    @Test(arguments: [
        (BookingCounts(bySlot: ["10:00-11:00": 5, "14:00-15:00": 4]), nil as String?),                   // 9
        (BookingCounts(bySlot: ["10:00-11:00": 5, "14:00-15:00": 4], walkIns: 1), "appointment.day-full"),  // 10
        (BookingCounts(bySlot: ["10:00-11:00": 3], walkIns: 6), nil),                                        // 9
        (BookingCounts(bySlot: ["10:00-11:00": 3], walkIns: 7), "appointment.day-full"),                     // 10
        (BookingCounts(bySlot: [:], walkIns: 12), "appointment.day-full"),
    ])
    func dayCapacity(counts: BookingCounts, code: String?) throws {
        #expect(try refusal(counts: counts)?.code == code)
    }

    @Test func dayFullIsReportedBeforeSlotFull() throws {
        let counts = BookingCounts(bySlot: [Self.morning: 5, "10:00-11:00": 5])
        #expect(try refusal(counts: counts)?.code == "appointment.day-full")
    }

    /// 5·20 and 七夕 of several years, past the end of any table (七夕 2030 and 2031).
    @Test(arguments: try ["2026-05-20", "2026-08-19", "2027-05-20", "2027-08-08", "2030-08-05", "2031-05-20", "2031-08-24"].map(F.day))
    func walkInsAreRefusedOnPeakDaysButBookingsAccepted(peak: CivilDate) throws {
        let refusal = try F.refusal {
            try Self.book.canAdmitWalkIn(today: peak, existingBookings: .none)
        }
        #expect(refusal?.code == "appointment.peak-day-booking-required")
        #expect(refusal?.kind == .ruleViolated)
        try Self.book.canBook(slot: Self.morning, date: peak, today: peak, existingBookings: .none)
        try Self.book.canBook(slot: Self.morning, date: peak, today: peak.adding(days: -30), existingBookings: .none)
        // The days around it are ordinary.
        try Self.book.canAdmitWalkIn(today: peak.adding(days: -1), existingBookings: .none)
        try Self.book.canAdmitWalkIn(today: peak.adding(days: 1), existingBookings: .none)
    }

    @Test func walkInsUseDayCapacity() throws {
        try Self.book.canAdmitWalkIn(today: Self.today, existingBookings: BookingCounts(bySlot: [Self.morning: 5], walkIns: 4))
        let refusal = try F.refusal {
            try Self.book.canAdmitWalkIn(today: Self.today, existingBookings: BookingCounts(bySlot: [Self.morning: 5], walkIns: 5))
        }
        #expect(refusal?.code == "appointment.day-full")
    }

    @Test func configuredPeakDaysAddTo520AndQixi() throws {
        let valentine = try F.day("2027-02-14")
        let book = try AppointmentBook(dailyCapacity: 1, slots: [AppointmentSlot(name: "am", capacity: 1)],
                                       peakDays: PeakDays(extraDays: [.date(valentine)]))
        #expect(book.isPeakDay(valentine))
        #expect(try !book.isPeakDay(F.day("2028-02-14")))
        #expect(try book.isPeakDay(F.day("2027-05-20")))
        #expect(try book.isPeakDay(F.day("2027-08-08")))
        let refusal = try F.refusal { try book.canAdmitWalkIn(today: valentine, existingBookings: .none) }
        #expect(refusal?.code == "appointment.peak-day-booking-required")
    }

    @Test(arguments: [0, 1, 30])
    func anActiveBookingMayBeCancelledUntilItsDay(daysAhead: Int) throws {
        let booking = try AppointmentBooking(slot: Self.morning, date: Self.today.adding(days: daysAhead))
        let cancelled = try Self.book.cancel(booking, today: Self.today)
        #expect(try cancelled.cancelledOn == Self.today)
        #expect(cancelled.isActive == false)
        #expect(cancelled.slot == booking.slot && cancelled.date == booking.date)
    }

    @Test func cancellingTwiceIsRefused() throws {
        let cancelled = try Self.book.cancel(AppointmentBooking(slot: Self.morning, date: Self.today), today: Self.today)
        let refusal = try F.refusal { _ = try Self.book.cancel(cancelled, today: Self.today) }
        #expect(refusal?.code == "appointment.already-cancelled")
        #expect(refusal?.kind == .conflict)
    }

    @Test func cancellingAPastAppointmentIsRefused() throws {
        let booking = try AppointmentBooking(slot: Self.morning, date: Self.today.adding(days: -1))
        let refusal = try F.refusal { _ = try Self.book.cancel(booking, today: Self.today) }
        #expect(refusal?.code == "appointment.cancel-in-past")
    }

    @Test(arguments: [
        (-1, [AppointmentSlot(name: "am", capacity: 1)]),
        (5, [AppointmentSlot(name: "am", capacity: -1)]),
        (5, [AppointmentSlot(name: "", capacity: 1)]),
        (5, [AppointmentSlot(name: "am", capacity: 1), AppointmentSlot(name: "am", capacity: 2)]),
    ])
    func invalidConfigurationIsRefused(daily: Int, slots: [AppointmentSlot]) throws {
        let refusal = try F.refusal { _ = try AppointmentBook(dailyCapacity: daily, slots: slots) }
        #expect(refusal?.code == "appointment.invalid-configuration")
        #expect(refusal?.kind == .invalidInput)
    }

    @Test func bookingCounts() {
        let counts = BookingCounts(bySlot: ["a": 2, "b": 3], walkIns: 4)
        #expect(counts.total == 9)
        #expect(counts.count(in: "a") == 2)
        #expect(counts.count(in: "zzz") == 0)
        #expect(BookingCounts.none.total == 0)
    }
}
