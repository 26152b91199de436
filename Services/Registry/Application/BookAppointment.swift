import Contracts
import Foundation
import Logging
import RegistryDomain
import ServiceKit

/// A booking of a slot at a registration office. Bookings of one office and day are serialised
/// with an advisory lock, so concurrent requests never over-book.
enum BookAppointment {
    struct Command: Sendable {
        var office: RegistrationOfficeCode
        var date: CivilDate
        var slot: String
        var resident: ResidentID
    }

    static func run(
        _ command: Command, dependencies: ServiceDependencies, today: CivilDate, peakDays: PeakDays, logger: Logger
    ) async throws -> AppointmentRecord {
        try await dependencies.database.transaction(logger: logger) { connection in
            try await AdvisoryLocks(connection, logger: logger).lock(office: command.office, date: command.date)
            guard let (book, counts) = try await RegistrationOfficeStore(connection, logger: logger)
                .appointmentDay(command.office, date: command.date, peakDays: peakDays)
            else { throw RuleViolation.unknownOffice(command.office) }
            let booking = try book.book(slot: command.slot, date: command.date, today: today, existingBookings: counts)
            let appointment = AppointmentRecord(id: UUID(), office: command.office, booking: booking)
            try await AppointmentStore(connection, logger: logger).insert(appointment, resident: command.resident)
            return appointment
        }
    }
}
