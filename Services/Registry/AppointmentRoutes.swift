import Contracts
import Foundation
import Hummingbird
import Logging
import PostgresNIO
import ServiceKit

/// Appointments at registration offices: daily capacity and time slots, booked-only
/// peak days (5·20, 七夕, …), cancellation. Bookings for one office and day are
/// serialised with an advisory lock, so concurrent requests never over-book.
enum AppointmentRoutes {
    struct BookingRequest: Decodable, Sendable {
        var office: String
        var date: String
        var slot: String
        var residentId: String
    }

    struct Appointment: ResponseEncodable {
        var appointmentId: UUID
        var office: String
        var date: String
        var slot: String
        var status: String
    }

    struct Day: ResponseEncodable {
        struct Slot: Codable { var slot: String; var capacity: Int; var booked: Int }
        var office: String
        var date: String
        var dailyCapacity: Int
        var peakDay: Bool
        var slots: [Slot]
    }

    static func register(_ router: Router<ServiceRequestContext>, _ dependencies: ServiceDependencies, clock: ServiceClock) {
        router.post("/appointments") { request, context -> EditedResponse<Appointment> in
            let body = try await request.decode(as: BookingRequest.self, context: context)
            let appointment = try await book(body, dependencies: dependencies, today: clock.today(), logger: context.logger)
            return EditedResponse(status: .created, response: appointment)
        }
        router.delete("/appointments/:id") { _, context -> Appointment in
            let id = try MarriageRoutes.uuidParameter(context)
            return try await cancel(id, dependencies: dependencies, today: clock.today(), logger: context.logger)
        }
        router.get("/offices/:code/appointments") { request, context -> Day in
            guard let code = context.parameters.get("code") else { throw RuleViolation.invalid("office.unknown", "missing office") }
            let office = try RegistrationOfficeCode(parsing: code)
            guard let dateText = request.uri.queryParameters.get("date") else {
                throw RuleViolation.invalid("request.missing-query", "date is required")
            }
            let date = try RequestParsing.date(dateText, field: "date")
            return try await dependencies.database.withConnection { connection in
                let (book, counts) = try await load(office, date: date, on: connection, logger: context.logger)
                return Day(office: office.rawValue, date: date.iso, dailyCapacity: book.dailyCapacity, peakDay: book.isPeakDay(date),
                           slots: book.slots.map { Day.Slot(slot: $0.name, capacity: $0.capacity, booked: counts.count(in: $0.name)) })
            }
        }
    }

    /// The office's book and the active bookings of one day.
    static func load(
        _ office: RegistrationOfficeCode, date: CivilDate, on connection: PostgresConnection, logger: Logger
    ) async throws -> (AppointmentBook, BookingCounts) {
        let capacityRows = try await connection.query(
            "SELECT daily_capacity FROM registration_offices WHERE code = \(office.rawValue)", logger: logger)
        var dailyCapacity: Int?
        for try await value in capacityRows.decode(Int.self) { dailyCapacity = value }
        guard let dailyCapacity else { throw RuleViolation.invalid("office.unknown", "no registration office \(office.rawValue)") }
        let slotRows = try await connection.query(
            "SELECT slot, capacity FROM office_slots WHERE office = \(office.rawValue) ORDER BY slot", logger: logger)
        var slots: [AppointmentSlot] = []
        for try await (slot, capacity) in slotRows.decode((String, Int).self) { slots.append(AppointmentSlot(name: slot, capacity: capacity)) }
        let countRows = try await connection.query("""
            SELECT slot, count(*)::int FROM appointments
            WHERE office = \(office.rawValue) AND date = \(date.iso)::date AND cancelled_on IS NULL GROUP BY slot
            """, logger: logger)
        var counts = BookingCounts()
        for try await (slot, count) in countRows.decode((String, Int).self) { counts.bySlot[slot] = count }
        return (try AppointmentBook(dailyCapacity: dailyCapacity, slots: slots), counts)
    }

    static func book(_ body: BookingRequest, dependencies: ServiceDependencies, today: CivilDate, logger: Logger) async throws -> Appointment {
        let office = try RegistrationOfficeCode(parsing: body.office)
        let date = try RequestParsing.date(body.date, field: "date")
        let resident = try RequestParsing.residentID(body.residentId, field: "residentId")
        return try await dependencies.database.transaction(logger: logger) { connection in
            try await connection.query(
                "SELECT pg_advisory_xact_lock(hashtext(\(office.rawValue + "@" + date.iso))::bigint)", logger: logger)
            let (book, counts) = try await load(office, date: date, on: connection, logger: logger)
            try book.canBook(slot: body.slot, date: date, today: today, existingBookings: counts)
            let id = UUID()
            try await connection.query("""
                INSERT INTO appointments (id, office, date, slot, resident_id)
                VALUES (\(id), \(office.rawValue), \(date.iso)::date, \(body.slot), \(resident.rawValue))
                """, logger: logger)
            return Appointment(appointmentId: id, office: office.rawValue, date: date.iso, slot: body.slot, status: "booked")
        }
    }

    static func cancel(_ id: UUID, dependencies: ServiceDependencies, today: CivilDate, logger: Logger) async throws -> Appointment {
        try await dependencies.database.transaction(logger: logger) { connection in
            let rows = try await connection.query(
                "SELECT office, date::text, slot, cancelled_on::text FROM appointments WHERE id = \(id) FOR UPDATE", logger: logger)
            for try await (office, dateText, slot, cancelledText) in rows.decode((String, String, String, String?).self) {
                let date = try RequestParsing.date(dateText, field: "date")
                let booking = AppointmentBooking(slot: slot, date: date,
                                                 cancelledOn: try cancelledText.map { try RequestParsing.date($0, field: "cancelled_on") })
                let (book, _) = try await load(try RegistrationOfficeCode(parsing: office), date: date, on: connection, logger: logger)
                let cancelled = try book.cancel(booking, today: today)
                try await connection.query(
                    "UPDATE appointments SET cancelled_on = \(cancelled.cancelledOn?.iso)::date WHERE id = \(id)", logger: logger)
                return Appointment(appointmentId: id, office: office, date: date.iso, slot: slot, status: "cancelled")
            }
            throw RuleViolation("appointment.not-found", "no appointment \(id)", kind: .notFound)
        }
    }
}
