import Contracts
import Foundation
import Hummingbird
import RegistryDomain
import ServiceKit

/// Appointments at registration offices: daily capacity and time slots, booked-only peak days
/// (5·20, 七夕, …), cancellation.
enum AppointmentRoutes {
    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies, clock: ServiceClock, peakDays: PeakDays) {
        routes.post("/appointments", RoutePolicy(roles: [.registrar], region: .body("office"))) { request, context -> EditedResponse<AppointmentResponse> in
            let command = try await request.decode(as: AppointmentRequest.self, context: context).command()
            let appointment = try await BookAppointment.run(command, dependencies: dependencies, today: clock.today(), peakDays: peakDays,
                                                            logger: context.logger)
            return EditedResponse(status: .created, response: AppointmentResponse(appointment))
        }
        routes.delete("/appointments/:id", RoutePolicy(roles: [.registrar], region: .record),
                      regionOf: RecordRegions.appointment(dependencies)) { _, context -> AppointmentResponse in
            let id = try context.parameters.require("id", as: UUID.self)
            return AppointmentResponse(try await CancelAppointment.run(id, dependencies: dependencies, today: clock.today(),
                                                                       peakDays: peakDays, logger: context.logger))
        }
        // Capacities and counts per slot: who booked is not shown.
        routes.get("/offices/:code/appointments", RoutePolicy(roles: [.registrar, .auditor], region: .path("code"))) { request, context -> OfficeDayResponse in
            let office = try RegistrationOfficeCode(parsing: try context.parameters.require("code"))
            guard let dateText = request.uri.queryParameters.get("date") else {
                throw RuleViolation.invalid("request.missing-query", "date is required")
            }
            let date = try RequestParsing.date(dateText, field: "date")
            guard let (book, counts) = try await RegistrationOfficeStore(dependencies.database, logger: context.logger)
                .appointmentDay(office, date: date, peakDays: peakDays)
            else { throw RuleViolation.unknownOffice(office) }
            return OfficeDayResponse(office: office, date: date, book: book, counts: counts)
        }
    }
}

/// `POST /appointments`.
struct AppointmentRequest: Decodable, Sendable {
    var office: String
    var date: String
    var slot: String
    var residentId: String

    func command() throws(RuleViolation) -> BookAppointment.Command {
        BookAppointment.Command(office: try RegistrationOfficeCode(parsing: office), date: try RequestParsing.date(date, field: "date"),
                                slot: slot, resident: try RequestParsing.residentID(residentId, field: "residentId"))
    }
}

struct AppointmentResponse: ResponseEncodable {
    var appointmentId: UUID
    var office: String
    var date: String
    var slot: String
    /// `booked` or `cancelled`.
    var status: String

    init(_ appointment: AppointmentRecord) {
        appointmentId = appointment.id
        office = appointment.office.rawValue
        date = appointment.booking.date.iso
        slot = appointment.booking.slot
        status = appointment.booking.isActive ? "booked" : "cancelled"
    }
}

/// One office day: capacity, whether booking is required, and each slot's bookings.
struct OfficeDayResponse: ResponseEncodable {
    struct Slot: Codable {
        var slot: String
        var capacity: Int
        var booked: Int
    }

    var office: String
    var date: String
    var dailyCapacity: Int
    var peakDay: Bool
    var slots: [Slot]

    init(office: RegistrationOfficeCode, date: CivilDate, book: AppointmentBook, counts: BookingCounts) {
        self.office = office.rawValue
        self.date = date.iso
        dailyCapacity = book.dailyCapacity
        peakDay = book.isPeakDay(date)
        slots = book.slots.map { Slot(slot: $0.name, capacity: $0.capacity, booked: counts.count(in: $0.name)) }
    }
}
