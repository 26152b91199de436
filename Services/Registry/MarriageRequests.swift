import Contracts
import Foundation
import ServiceKit

/// Request bodies of the marriage routes, and their parsing into domain values.
struct MarriageRequest: Decodable, Sendable {
    var partyA: String
    var partyB: String
    var office: String
    /// `unrelated`, `lineal` or `collateral-N` (N generations, counting the common ancestor as 1).
    var declaredKinship: String?
    /// The couple's booking for today; required on peak days (5·20, 七夕, …).
    var appointmentId: UUID?
}

struct PartyRequest: Decodable, Sendable {
    var residentId: String
}

struct CourtJudgmentRequest: Decodable, Sendable {
    /// `divorce`, `annulment` (无效) or `revocation` (撤销).
    var kind: String
    var documentNumber: String
    var effectiveOn: String
}

extension RequestParsing {
    static func kinship(_ text: String?) throws(RuleViolation) -> Kinship? {
        guard let text else { return nil }
        switch text {
        case "unrelated": return .unrelated
        case "lineal": return .lineal
        default:
            guard text.hasPrefix("collateral-"), let generations = Int(text.dropFirst("collateral-".count)) else {
                throw .invalid("marriage.invalid-kinship", "declaredKinship must be unrelated, lineal or collateral-N")
            }
            return .collateral(generations: generations)
        }
    }
}
