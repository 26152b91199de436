import Contracts
import Logging
import RegistryDomain

/// `registration_offices` and their `office_slots`.
struct RegistrationOfficeStore: RegistryStore {
    let session: StoreSession
    let logger: Logger

    func exists(_ office: RegistrationOfficeCode) async throws -> Bool {
        try await exists("SELECT 1 FROM registration_offices WHERE code = \(office.rawValue)")
    }

    /// The office's appointment book (with the city's peak days) and the active bookings of `date`;
    /// nil for an unknown office.
    func appointmentDay(
        _ office: RegistrationOfficeCode, date: CivilDate, peakDays: PeakDays
    ) async throws -> (AppointmentBook, BookingCounts)? {
        let capacities = try await query("SELECT daily_capacity FROM registration_offices WHERE code = \(office.rawValue)")
        var dailyCapacity: Int?
        for try await value in capacities.decode(Int.self) { dailyCapacity = value }
        guard let dailyCapacity else { return nil }
        let slotRows = try await query("SELECT slot, capacity FROM office_slots WHERE office = \(office.rawValue) ORDER BY slot")
        var slots: [AppointmentSlot] = []
        for try await (slot, capacity) in slotRows.decode((String, Int).self) { slots.append(AppointmentSlot(name: slot, capacity: capacity)) }
        let countRows = try await query("""
            SELECT slot, count(*)::int FROM appointments
            WHERE office = \(office.rawValue) AND date = \(date.iso)::date AND cancelled_on IS NULL GROUP BY slot
            """)
        var counts = BookingCounts()
        for try await (slot, count) in countRows.decode((String, Int).self) { counts.bySlot[slot] = count }
        return (try AppointmentBook(dailyCapacity: dailyCapacity, slots: slots, peakDays: peakDays), counts)
    }
}
