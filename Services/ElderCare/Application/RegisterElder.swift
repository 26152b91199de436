import Contracts
import LifeEvents
import ElderCareDomain
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// Enters an older person in the register (老年人信息台账), in one transaction: the record, the
/// categories that follow from what the register already knows (age; Assistance's coverage kept
/// for them before they were registered), and `elder-registered`.
enum RegisterElder {
    struct Command: Sendable {
        let residentID: ResidentID
        let name: String
        let address: String
        let phone: String?
        let contacts: [ElderContact]
        let region: RegionCode
        /// Nil: today.
        let registeredOn: CivilDate?
        /// The caseworker's user id (the token's subject).
        let registeredBy: String

        /// What the registration itself collects (信息采集): the name and address, and the phone
        /// and an emergency contact when given.
        var informationCollected: Set<InformationItem> {
            var items: Set<InformationItem> = [.name, .address]
            if phone != nil { items.insert(.phone) }
            if !contacts.isEmpty { items.insert(.emergencyContact) }
            return items
        }
    }

    /// Refuses a region that is neither a county nor a township (`elder.region-level`, 400), a
    /// registration day after today (`elder.registered-in-future`, 400), someone under 60
    /// (`elder.under-60`, 422, ``ElderRegistration``) and a person already registered
    /// (`elder.already-registered`, 409).
    static func run(_ command: Command, today: CivilDate, policy: ElderCarePolicy, dependencies: ServiceDependencies,
                    logger: Logger) async throws -> (elder: ElderRecord, categories: [ElderCategoryStore.Membership]) {
        guard command.region.level == .county || command.region.level == .township else {
            throw RuleViolation.invalid("elder.region-level", "region \(command.region) must be a county (6 digits) or a township (9)")
        }
        let registeredOn = command.registeredOn ?? today
        guard registeredOn <= today else {
            throw RuleViolation.invalid("elder.registered-in-future", "a registration on \(registeredOn) cannot be recorded on \(today)")
        }
        try ElderRegistration.check(command.residentID, on: registeredOn)
        let person = PersonRef.derive(from: command.residentID, key: dependencies.personRefKey)
        let elder = ElderRecord(person: person, residentID: command.residentID, name: command.name, address: command.address,
                                phone: command.phone, contacts: command.contacts, region: command.region, registeredOn: registeredOn,
                                status: .active, dateOfDeath: nil, deathRecordID: nil, disabilityGrade: nil, capability: nil)
        return try await dependencies.database.transaction(logger: logger) { connection in
            // Registration is for the living: a death the Registry recorded (and did not annul) refuses it.
            if let dateOfDeath = try await LifeEventJournal.recordedDeath(of: person, on: connection, logger: logger) {
                throw RuleViolation("elder.recorded-dead", "the Registry recorded the death of \(command.residentID.masked) on \(dateOfDeath)")
            }
            guard try await ElderStore.insert(elder, on: connection, logger: logger) else {
                throw RuleViolation("elder.already-registered", "\(command.residentID.masked) is already in the elder register", kind: .conflict)
            }
            try await InformationItemStore.collect(command.informationCollected, person: person, on: registeredOn, by: command.registeredBy,
                                                   on: connection, logger: logger)
            let changes = try await ElderCategories.refresh(elder, today: today, policy: policy.categories, on: connection, logger: logger)
            guard let band = ElderAgeBand(age: elder.age(on: registeredOn)) else {
                throw RuleViolation("elder.under-60", "\(command.residentID.masked) is under 60 on \(registeredOn)")
            }
            let registered = ElderRegistered(person: person, region: elder.region, registeredOn: registeredOn, ageBand: band)
            try await Outbox.append(registered, source: dependencies.source, on: connection, logger: logger)
            try await CategoryEvents.publish(changes, of: elder, on: today, cause: nil, source: dependencies.source,
                                             on: connection, logger: logger)
            return (elder, try await ElderCategoryStore.memberships(of: person, on: connection, logger: logger))
        }
    }
}
