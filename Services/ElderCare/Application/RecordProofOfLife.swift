import Contracts
import ElderCareDomain
import Foundation
import Logging
import Persistence
import ServiceKit

/// A caseworker or visitor records a proof of life (高龄津贴验证, seed 004 L16) for a registered
/// older person. When the allowance was suspended for a missing proof, it resumes: the next roster
/// pays again, and — as the county's ``ProofOfLifePolicy/backPaysAfterLateProof`` says (by default
/// yes: the proof shows the person was alive those months) — the suspended months a roster has
/// run for are back-paid now (`allowance-resumed`, reason `proof-of-life`).
///
/// Refused: a person not on the register (`elder.not-found`, 404) and a proof dated after today
/// (`proof-of-life.in-future`, 422).
enum RecordProofOfLife {
    struct Result: Sendable, Codable {
        var proofId: UUID
        var personRef: String
        var madeOn: String
        /// Whether a suspended allowance resumed.
        var resumed: Bool
        var backPaidMonths: [String]
        var backPayFen: Int64
    }

    static func run(person: PersonRef, madeOn: CivilDate, recordedBy: String, today: CivilDate, settings: AllowanceSettings,
                    dependencies: ServiceDependencies, logger: Logger) async throws -> Result {
        guard madeOn <= today else {
            throw RuleViolation("proof-of-life.in-future", "a proof of life made on \(madeOn) is after today (\(today))")
        }
        return try await dependencies.database.transaction(logger: logger) { connection in
            guard try await AllowanceStore.facts(of: person, on: connection, logger: logger) != nil else {
                throw RuleViolation("elder.not-found", "\(person) is not on the elder register", kind: .notFound)
            }
            let proof = UUID()
            try await AllowanceStore.recordProofOfLife(proof, person: person, madeOn: madeOn, recordedBy: recordedBy, on: connection, logger: logger)
            var result = Result(proofId: proof, personRef: person.rawValue, madeOn: madeOn.iso, resumed: false, backPaidMonths: [], backPayFen: 0)
            guard let allowance = try await AllowanceStore.allowance(of: person, forUpdate: true, on: connection, logger: logger),
                  let suspendedFrom = allowance.suspendedFrom else { return result }
            try await AllowanceStore.setSuspendedFrom(nil, allowance: allowance.id, on: connection, logger: logger)
            guard let loaded = try await AllowanceReconciliation.load(allowance, settings: settings, on: connection, logger: logger) else {
                return result
            }
            let (recipient, schedule, region) = loaded
            let outcome = try await AllowanceReconciliation.settle(allowance, recipient: recipient, region: region, schedule: schedule,
                                                                   settings: settings, endedOn: nil, today: today, cause: nil,
                                                                   on: connection, logger: logger)
            let backPaid = outcome.settlement.backPay.map(\.month)
            let resumedFrom = settings.proofOfLife.backPaysAfterLateProof ? suspendedFrom : max(suspendedFrom, madeOn.yearMonth)
            try await Outbox.append(
                AllowanceResumed(allowanceID: allowance.id, person: person, region: region, reason: .proofOfLife, resumedFrom: resumedFrom,
                                 backPaidMonths: backPaid, backPayAmount: outcome.settlement.backPayTotal, causationEventID: nil),
                source: dependencies.source, on: connection, logger: logger)
            result.resumed = true
            result.backPaidMonths = backPaid.map(\.iso)
            result.backPayFen = outcome.settlement.backPayTotal.fen
            return result
        }
    }
}
