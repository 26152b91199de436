import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO

/// Decides the free basic funeral (惠民殡葬) for a death and records it once.
///
/// It runs whenever the answer may change: when a death is recorded or corrected,
/// and when Assistance tells us someone became a recipient (its event may arrive
/// after the death). The unique grant per death makes every repetition a no-op.
enum FuneralGrants {
    static func evaluate(
        deathRecord: UUID, policy: FuneralPolicy, source: String, causationID: UUID?,
        on connection: PostgresConnection, logger: Logger
    ) async throws {
        let deaths = try await connection.query("""
            SELECT person_ref, date_of_death::text FROM death_records
            WHERE id = \(deathRecord) AND status = 'recorded'
              AND NOT EXISTS (SELECT 1 FROM funeral_subsidy_grants g WHERE g.death_record_id = \(deathRecord))
            """, logger: logger)
        var found: (String, String)?
        for try await row in deaths.decode((String, String).self) { found = row }
        guard let (ref, dateText) = found else { return }
        let dateOfDeath = try CivilDate(iso: dateText)
        let person = try PersonRef(rawValue: ref)

        let rows = try await connection.query("""
            SELECT program, starts_on::text, last_covered_day::text FROM recipient_periods WHERE person_ref = \(ref)
            """, logger: logger)
        var periods: [RecipientPeriod] = []
        for try await (program, from, to) in rows.decode((String, String, String?).self) {
            guard let program = RecipientPeriod.Program(rawValue: program) else { continue }
            periods.append(RecipientPeriod(program: program, from: try CivilDate(iso: from), to: try to.map { try CivilDate(iso: $0) }))
        }
        guard let grant = FreeBasicFuneral.decide(dateOfDeath: dateOfDeath, recipientPeriods: periods, policy: policy) else { return }

        let id = UUID()
        let today = CivilDate.today()
        let items = grant.items.map { FuneralSubsidyItem(service: kind($0.service), amount: $0.amount) }
        let itemsJSON = String(decoding: try EventJSON.encoder.encode(items), as: UTF8.self)
        let inserted = try await connection.query("""
            INSERT INTO funeral_subsidy_grants (id, death_record_id, person_ref, basis, items, total_fen, granted_on)
            VALUES (\(id), \(deathRecord), \(ref), \(basis(grant.basis).rawValue), \(itemsJSON)::jsonb, \(grant.total.fen), \(today.iso)::date)
            ON CONFLICT (death_record_id) DO NOTHING RETURNING id
            """, logger: logger)
        var created = false
        for try await _ in inserted { created = true }
        guard created else { return }
        try await Outbox.append(
            FuneralSubsidyGranted(grantID: id, person: person, deathRecordID: deathRecord, basis: basis(grant.basis), services: items,
                                  total: grant.total, grantedOn: today, causationEventID: causationID),
            source: source, causationID: causationID, on: connection, logger: logger)
        logger.info("free basic funeral granted", metadata: ["death.record": "\(deathRecord)", "basis": "\(grant.basis.rawValue)"])
    }

    static func kind(_ service: BasicFuneralService) -> FuneralServiceKind {
        switch service {
        case .transport: .transport
        case .storage: .storage
        case .cremation: .cremation
        case .ashStorage: .ashStorage
        }
    }

    static func basis(_ basis: FreeBasicFuneral.Basis) -> FuneralSubsidyBasis {
        switch basis {
        case .extremePoverty: .extremePoverty
        case .minimumLivingAllowance: .minimumLivingAllowance
        case .allResidents: .allResidents
        }
    }

    static func program(_ program: AssistanceProgram) -> RecipientPeriod.Program? {
        switch program {
        case .minimumLivingAllowance: .minimumLivingAllowance
        case .extremePoverty: .extremePoverty
        case .temporaryAssistance: nil  // 临时救助 recipients are not covered by the free basic funeral
        }
    }

    /// Assistance's events, applied through the inbox: they keep `recipient_periods` current
    /// and re-check the grant of anyone already dead.
    static func handlers(policy: FuneralPolicy, source: String) -> EventHandlers {
        var handlers = EventHandlers()
        handlers.on(BenefitGranted.self) { granted, context in
            guard let program = program(granted.program) else { return }
            for person in granted.recipients {
                try await context.connection.query("""
                    INSERT INTO recipient_periods (case_id, person_ref, program, starts_on)
                    VALUES (\(granted.caseID), \(person.rawValue), \(program.rawValue), \(granted.startsOn.iso)::date)
                    ON CONFLICT (case_id, person_ref) DO UPDATE SET starts_on = EXCLUDED.starts_on, program = EXCLUDED.program
                    """, logger: context.logger)
            }
            try await reevaluate(granted.recipients, policy: policy, source: source, context: context)
        }
        handlers.on(BenefitTerminated.self) { terminated, context in
            for person in terminated.recipients {
                try await context.connection.query("""
                    UPDATE recipient_periods SET last_covered_day = \(terminated.lastCoveredDay.iso)::date
                    WHERE case_id = \(terminated.caseID) AND person_ref = \(person.rawValue)
                    """, logger: context.logger)
            }
        }
        return handlers
    }

    private static func reevaluate(_ people: [PersonRef], policy: FuneralPolicy, source: String, context: EventContext) async throws {
        let rows = try await context.connection.query(
            "SELECT id FROM death_records WHERE person_ref = ANY(\(people.map(\.rawValue))) AND status = 'recorded'",
            logger: context.logger)
        var records: [UUID] = []
        for try await id in rows.decode(UUID.self) { records.append(id) }
        for record in records {
            try await evaluate(deathRecord: record, policy: policy, source: source, causationID: context.event.id,
                               on: context.connection, logger: context.logger)
        }
    }
}
