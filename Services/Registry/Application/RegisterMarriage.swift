import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import RegistryDomain
import ServiceKit

/// Marriage registration (结婚登记). One transaction: a refusal writes nothing; a registration
/// writes the marriage, both parties' current-spouse rows, the certificate and
/// `marriage-registered`.
enum RegisterMarriage {
    struct Command: Sendable {
        var partyA: ResidentID
        var partyB: ResidentID
        var office: RegistrationOfficeCode
        /// nil when the couple declared nothing (refused: 《婚姻登记条例》第五条).
        var declaredKinship: Kinship?
        /// The couple's booking for today; required on peak days.
        var appointment: UUID?
    }

    /// `peakDays`: the city's (5·20, 七夕 and the configured ones), on which a booking is required.
    static func run(
        _ command: Command, dependencies: ServiceDependencies, today: CivilDate, peakDays: PeakDays, logger: Logger
    ) async throws -> MarriageRecord {
        let refA = PersonRef.derive(from: command.partyA, key: dependencies.personRefKey)
        let refB = PersonRef.derive(from: command.partyB, key: dependencies.personRefKey)
        return try await dependencies.database.transaction(logger: logger) { connection in
            guard try await RegistrationOfficeStore(connection, logger: logger).exists(command.office) else {
                throw RuleViolation.unknownOffice(command.office)
            }
            try await admitCouple(command, today: today, peakDays: peakDays, connection: connection, logger: logger)
            let marriages = MarriageStore(connection, logger: logger)
            // Both parties stay locked, present in the tables or not, until commit.
            try await AdvisoryLocks(connection, logger: logger).lock(people: [refA, refB])
            let married = try await marriages.currentlyMarried([refA, refB])
            try MarriageEligibility.check(
                partyA: .init(id: command.partyA, currentlyMarried: married.contains(refA)),
                partyB: .init(id: command.partyB, currentlyMarried: married.contains(refB)),
                declaredKinship: command.declaredKinship, on: today)

            let id = UUID()
            try await marriages.insert(id: id, office: command.office, partyA: (command.partyA, refA), partyB: (command.partyB, refB),
                                       on: today)
            let certificates = CertificateStore(connection, logger: logger)
            let number = try await certificates.next(kind: .marriage, office: command.office, year: today.year)
            try await certificates.insert(number, marriage: id, issuedOn: today)
            try await Outbox.append(
                MarriageRegistered(marriageID: id, certificateNumber: number.rawValue, partyA: refA, partyB: refB,
                                   office: command.office.rawValue, region: command.office.region, registeredOn: today),
                source: dependencies.source, on: connection, logger: logger)
            return MarriageRecord(id: id, certificateNumber: number.rawValue, office: command.office.rawValue, partyA: refA,
                                  partyB: refB, registeredOn: today, status: .married)
        }
    }

    /// A couple with today's booking at this office is served; without one, only on a day that is
    /// not a peak day and still has room (bookings and walk-ins share the day's capacity).
    private static func admitCouple(
        _ command: Command, today: CivilDate, peakDays: PeakDays, connection: PostgresConnection, logger: Logger
    ) async throws {
        if let appointment = command.appointment {
            guard try await AppointmentStore(connection, logger: logger).isActiveBooking(
                appointment, of: [command.partyA, command.partyB], office: command.office, on: today)
            else {
                throw RuleViolation("appointment.not-valid-today", "appointment \(appointment) is not a booking of this couple "
                                    + "at \(command.office.rawValue) today")
            }
            return
        }
        guard let (book, counts) = try await RegistrationOfficeStore(connection, logger: logger)
            .appointmentDay(command.office, date: today, peakDays: peakDays)
        else { throw RuleViolation.unknownOffice(command.office) }
        let walkIns = try await MarriageStore(connection, logger: logger).countRegistered(office: command.office, on: today)
        try book.canAdmitWalkIn(today: today, existingBookings: BookingCounts(bySlot: counts.bySlot, walkIns: walkIns))
    }
}
