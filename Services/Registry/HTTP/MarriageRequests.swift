import Contracts
import Foundation
import RegistryDomain
import ServiceKit

/// `POST /marriages`.
struct MarriageRequest: Decodable, Sendable {
    var partyA: String
    var partyB: String
    var office: String
    /// `unrelated`, `lineal` or `collateral-N` (N generations, counting the common ancestor as 1).
    var declaredKinship: String?
    /// The couple's booking for today; required on peak days (5·20, 七夕, …).
    var appointmentId: UUID?

    func command() throws(RuleViolation) -> RegisterMarriage.Command {
        RegisterMarriage.Command(
            partyA: try RequestParsing.residentID(partyA, field: "partyA"),
            partyB: try RequestParsing.residentID(partyB, field: "partyB"),
            office: try RegistrationOfficeCode(parsing: office),
            declaredKinship: try declaredKinship.map { text throws(RuleViolation) in try Kinship(declaration: text) },
            appointment: appointmentId)
    }
}

/// `POST /marriages/{id}/court-judgments`.
struct CourtJudgmentRequest: Decodable, Sendable {
    /// `divorce`, `annulment` (无效) or `revocation` (撤销).
    var kind: String
    var documentNumber: String
    var effectiveOn: String

    func command(marriage: UUID) throws(RuleViolation) -> RecordCourtJudgment.Command {
        let document = try RequestParsing.nonEmpty(documentNumber, field: "documentNumber")
        let effective = try RequestParsing.date(effectiveOn, field: "effectiveOn")
        return RecordCourtJudgment.Command(marriage: marriage, kind: try CourtJudgmentKind(parsing: kind), documentNumber: document,
                                           effectiveOn: effective)
    }
}

/// One of the parties, by resident ID: who withdraws a divorce application or asks for a reissue.
struct PartyRequest: Decodable, Sendable {
    var residentId: String

    func party() throws(RuleViolation) -> ResidentID {
        try RequestParsing.residentID(residentId, field: "residentId")
    }
}
