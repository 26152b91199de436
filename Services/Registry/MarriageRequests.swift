import Contracts
import Foundation

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

enum RequestParsing {
    static func residentID(_ text: String, field: String) throws(RuleViolation) -> ResidentID {
        do { return try ResidentID(text) } catch { throw .invalid(error.code, "\(field): \(error)") }
    }

    static func date(_ text: String, field: String) throws(RuleViolation) -> CivilDate {
        do { return try CivilDate(iso: text) } catch { throw .invalid("request.invalid-date", "\(field) must be a real date as YYYY-MM-DD") }
    }

    static func region(_ text: String, field: String) throws(RuleViolation) -> RegionCode {
        do { return try RegionCode(text) } catch { throw .invalid(error.code, "\(field): \(error)") }
    }

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

    static func nonEmpty(_ text: String, field: String, max: Int = 64) throws(RuleViolation) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard (1...max).contains(trimmed.count) else { throw .invalid("request.invalid-\(field)", "\(field) must have 1 to \(max) characters") }
        return trimmed
    }
}
