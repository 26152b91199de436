import Contracts
import Foundation
import Logging
import RegistryDomain

/// `appointments`: bookings stay on record when cancelled (`cancelled_on`).
struct AppointmentStore: RegistryStore {
    let session: StoreSession
    let logger: Logger

    func insert(_ appointment: AppointmentRecord, resident: ResidentID) async throws {
        try await query("""
            INSERT INTO appointments (id, office, date, slot, resident_id)
            VALUES (\(appointment.id), \(appointment.office.rawValue), \(appointment.booking.date.iso)::date,
                    \(appointment.booking.slot), \(resident.rawValue))
            """)
    }

    /// The appointment, locked for the rest of the transaction.
    func lock(_ id: UUID) async throws -> AppointmentRecord? {
        let rows = try await query("SELECT office, date::text, slot, cancelled_on::text FROM appointments WHERE id = \(id) FOR UPDATE")
        for try await (office, date, slot, cancelled) in rows.decode((String, String, String, String?).self) {
            let booking = AppointmentBooking(slot: slot, date: try CivilDate(iso: date),
                                             cancelledOn: try cancelled.map { try CivilDate(iso: $0) })
            return AppointmentRecord(id: id, office: try RegistrationOfficeCode(parsing: office), booking: booking)
        }
        return nil
    }

    /// The region of the office the appointment is booked at (its region scope); nil when unknown.
    func region(of id: UUID) async throws -> RegionCode? {
        for try await office in try await query("SELECT office FROM appointments WHERE id = \(id)").decode(String.self) {
            return try RegistrationOfficeCode(parsing: office).region
        }
        return nil
    }

    func recordCancellation(_ appointment: AppointmentRecord) async throws {
        try await query(
            "UPDATE appointments SET cancelled_on = \(appointment.booking.cancelledOn?.iso)::date WHERE id = \(appointment.id)")
    }

    /// Whether `appointment` is an active booking of one of `parties` at `office` on `date`.
    func isActiveBooking(
        _ appointment: UUID, of parties: [ResidentID], office: RegistrationOfficeCode, on date: CivilDate
    ) async throws -> Bool {
        try await exists("""
            SELECT 1 FROM appointments WHERE id = \(appointment) AND office = \(office.rawValue) AND date = \(date.iso)::date
              AND cancelled_on IS NULL AND resident_id = ANY(\(parties.map(\.rawValue)))
            """)
    }
}
