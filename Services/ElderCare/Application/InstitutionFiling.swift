import Contracts
import ElderCareDomain
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// Institutions (养老机构): filing (备案), grading, beds and occupancy, each published.
enum InstitutionFiling {
    /// An institution with whether it may admit now (``AdmissionGate``, without a bed type).
    struct Standing: Sendable {
        var stored: StoredInstitution
        var refusals: [RuleViolation]
    }

    static func file(_ institution: ElderCareInstitution, dependencies: ServiceDependencies, logger: Logger) async throws -> StoredInstitution {
        let stored = StoredInstitution(id: UUID(), institution: institution, bedsChangedOn: nil)
        try await dependencies.database.transaction(logger: logger) { connection in
            try await InstitutionStore.insert(stored, on: connection, logger: logger)
            try await Outbox.append(
                InstitutionFiled(institutionID: stored.id, name: institution.name, operatorCode: institution.operatorCode,
                                 operatorKind: institution.operatorKind.rawValue, ownership: institution.ownership.rawValue,
                                 kind: institution.kind.rawValue, region: institution.region, filedOn: institution.filedOn),
                source: dependencies.source, on: connection, logger: logger)
        }
        return stored
    }

    static func grade(_ id: UUID, _ grade: InstitutionGrade, dependencies: ServiceDependencies, logger: Logger) async throws {
        try await dependencies.database.transaction(logger: logger) { connection in
            var stored = try await InstitutionStore.load(id, forUpdate: true, on: connection, logger: logger)
            try stored.institution.grade(grade)
            try await InstitutionStore.saveGrade(id, grade, on: connection, logger: logger)
            try await Outbox.append(
                InstitutionGraded(institutionID: id, region: stored.institution.region, grade: grade.grade, awardedOn: grade.awardedOn),
                source: dependencies.source, on: connection, logger: logger)
        }
    }

    /// Replaces the beds and their occupancy. Refuses fewer occupied beds of a type than people the
    /// waiting list placed in them (`institution.occupancy-below-placements`, 409): their discharge
    /// frees those beds.
    static func changeBeds(_ id: UUID, to beds: BedInventory, on day: CivilDate, dependencies: ServiceDependencies,
                           logger: Logger) async throws {
        try await dependencies.database.transaction(logger: logger) { connection in
            let stored = try await InstitutionStore.load(id, forUpdate: true, on: connection, logger: logger)
            let placed = try await WaitingListStore.placements(in: id, on: connection, logger: logger)
            for type in BedType.allCases where beds.occupied(type) < placed[type, default: 0] {
                throw RuleViolation("institution.occupancy-below-placements",
                                    "\(placed[type, default: 0]) \(type.rawValue) beds are occupied by people placed from the waiting list, "
                                        + "more than the \(beds.occupied(type)) reported; discharge them first", kind: .conflict)
            }
            try await InstitutionStore.saveBeds(id, beds, changedOn: day, on: connection, logger: logger)
            try await Outbox.append(
                BedsChanged(institutionID: id, region: stored.institution.region, kind: stored.institution.kind.rawValue,
                            beds: beds.careBedCounts, changedOn: day),
                source: dependencies.source, on: connection, logger: logger)
        }
    }

    static func load(_ id: UUID, policy: ElderCarePolicy, today: CivilDate, dependencies: ServiceDependencies,
                     logger: Logger) async throws -> Standing {
        try await dependencies.database.withConnection { connection in
            let stored = try await InstitutionStore.load(id, forUpdate: false, on: connection, logger: logger)
            return try await standing(stored, policy: policy, today: today, on: connection, logger: logger)
        }
    }

    static func list(within region: RegionCode, policy: ElderCarePolicy, today: CivilDate, dependencies: ServiceDependencies,
                     logger: Logger) async throws -> [Standing] {
        try await dependencies.database.withConnection { connection in
            var found: [Standing] = []
            for stored in try await InstitutionStore.institutions(within: region, on: connection, logger: logger) {
                found.append(try await standing(stored, policy: policy, today: today, on: connection, logger: logger))
            }
            return found
        }
    }

    static func standing(_ stored: StoredInstitution, policy: ElderCarePolicy, today: CivilDate, on connection: PostgresConnection,
                         logger: Logger) async throws -> Standing {
        let operatorStanding = try await OperatorStandingStore.standing(
            of: stored.institution.operatorCode, today: today, requiringRegistration: policy.requireSocialOrgRegistration,
            on: connection, logger: logger)
        return Standing(stored: stored, refusals: policy.admission.refusals(stored.institution, standing: operatorStanding))
    }
}
