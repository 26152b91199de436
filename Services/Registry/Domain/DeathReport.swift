import Contracts
import Foundation

/// A validated report of a death: pure rules, no I/O.
public struct DeathReport: Sendable, Equatable {
    public var residentID: ResidentID
    public var dateOfDeath: CivilDate
    public var region: RegionCode
    public var source: DeathCertificateSource
    /// The caller's key: the same report sent twice records one death.
    public var idempotencyKey: String

    /// The report as a hospital, the police or the community sends it, before any check.
    public struct Request: Decodable, Sendable {
        public var residentId: String
        public var dateOfDeath: String
        public var region: String
        public var source: String
        public var idempotencyKey: String

        public init(residentId: String, dateOfDeath: String, region: String, source: String, idempotencyKey: String) {
            self.residentId = residentId
            self.dateOfDeath = dateOfDeath
            self.region = region
            self.source = source
            self.idempotencyKey = idempotencyKey
        }
    }

    /// Refuses a malformed ID, an impossible or future date, a death before birth,
    /// an unknown region or certificate source.
    public static func validate(_ request: Request, today: CivilDate) throws(RuleViolation) -> DeathReport {
        let id: ResidentID
        do { id = try ResidentID(request.residentId) } catch { throw .invalid(error.code, "residentId: \(error)") }
        let date: CivilDate
        // The code every other date field answers with (`RequestParsing.date`), the correction's dateOfDeath too.
        do { date = try CivilDate(iso: request.dateOfDeath) } catch {
            throw .invalid("request.invalid-date", "dateOfDeath must be a real date as YYYY-MM-DD")
        }
        try checkDate(date, of: id, today: today)
        let region: RegionCode
        do { region = try RegionCode(request.region) } catch { throw .invalid(error.code, "region: \(error)") }
        guard let source = DeathCertificateSource(rawValue: request.source) else {
            throw .invalid("death.unknown-source", "source must be one of \(DeathCertificateSource.allCases.map(\.rawValue))")
        }
        let key = request.idempotencyKey.trimmingCharacters(in: .whitespaces)
        guard (1...128).contains(key.count) else {
            throw .invalid("request.idempotency-key", "idempotencyKey must have 1 to 128 characters")
        }
        return DeathReport(residentID: id, dateOfDeath: date, region: region, source: source, idempotencyKey: key)
    }

    /// A date of death is neither in the future nor before the birth date in the resident ID;
    /// the same rule holds for a report and for a correction.
    public static func checkDate(_ date: CivilDate, of id: ResidentID, today: CivilDate) throws(RuleViolation) {
        guard date <= today else { throw .invalid("death.date-in-future", "dateOfDeath \(date.iso) is after today \(today.iso)") }
        guard date >= id.birthDate else {
            throw .invalid("death.before-birth", "dateOfDeath \(date.iso) is before the birth date in the resident ID")
        }
    }

    /// This report found a death already recorded under its idempotency key or for its person
    /// (`reportedPerson`). It is the same report again only if the record is of the same person
    /// and the same date; a person dies once, and a key names one report.
    public func checkRepeat(
        reportedPerson: PersonRef, recordedPerson: PersonRef, recordedDateOfDeath: CivilDate
    ) throws(RuleViolation) {
        guard recordedPerson == reportedPerson else {
            throw RuleViolation("request.idempotency-key-reused", "idempotencyKey was already used for another person's death",
                                kind: .conflict)
        }
        guard recordedDateOfDeath == dateOfDeath else {
            throw RuleViolation("death.already-recorded", "a death on \(recordedDateOfDeath.iso) is already recorded for this person",
                                kind: .conflict)
        }
    }
}
