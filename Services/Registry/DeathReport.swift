import Contracts

/// A validated report of a death: pure rules, no I/O.
struct DeathReport: Sendable, Equatable {
    var residentID: ResidentID
    var dateOfDeath: CivilDate
    var region: RegionCode
    var source: DeathCertificateSource
    /// The caller's key: the same report sent twice records one death.
    var idempotencyKey: String

    struct Request: Decodable, Sendable {
        var residentId: String
        var dateOfDeath: String
        var region: String
        var source: String
        var idempotencyKey: String
    }

    /// Refuses a malformed ID, an impossible or future date, a death before birth,
    /// an unknown region or certificate source.
    static func validate(_ request: Request, today: CivilDate) throws(RuleViolation) -> DeathReport {
        let id: ResidentID
        do { id = try ResidentID(request.residentId) } catch { throw .invalid(error.code, "residentId: \(error)") }
        let date: CivilDate
        do { date = try CivilDate(iso: request.dateOfDeath) } catch {
            throw .invalid("death.invalid-date", "dateOfDeath must be a real date as YYYY-MM-DD")
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
    static func checkDate(_ date: CivilDate, of id: ResidentID, today: CivilDate) throws(RuleViolation) {
        guard date <= today else { throw .invalid("death.date-in-future", "dateOfDeath \(date.iso) is after today \(today.iso)") }
        guard date >= id.birthDate else {
            throw .invalid("death.before-birth", "dateOfDeath \(date.iso) is before the birth date in the resident ID")
        }
    }
}
