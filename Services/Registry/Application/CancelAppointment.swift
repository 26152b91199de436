import Contracts
import Foundation
import Logging
import RegistryDomain
import ServiceKit

/// Cancels a booking whose day has not passed; it stays on record and no longer counts.
enum CancelAppointment {
    static func run(
        _ id: UUID, dependencies: ServiceDependencies, today: CivilDate, peakDays: PeakDays, logger: Logger
    ) async throws -> AppointmentRecord {
        try await dependencies.database.transaction(logger: logger) { connection in
            let appointments = AppointmentStore(connection, logger: logger)
            guard var appointment = try await appointments.lock(id) else {
                throw RuleViolation("appointment.not-found", "no appointment \(id)", kind: .notFound)
            }
            guard let (book, _) = try await RegistrationOfficeStore(connection, logger: logger)
                .appointmentDay(appointment.office, date: appointment.booking.date, peakDays: peakDays)
            else { throw RuleViolation.unknownOffice(appointment.office) }
            appointment.booking = try book.cancel(appointment.booking, today: today)
            try await appointments.recordCancellation(appointment)
            return appointment
        }
    }
}
