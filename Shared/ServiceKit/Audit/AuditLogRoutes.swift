import Audit
import Contracts
import Foundation
import Hummingbird

/// `GET /audit-log?person=&sub=&from=&to=&after=&limit=`: the audit rows an auditor may see.
///
/// For `auditor` (and `admin`) only. The rows are those of officers whose token region lies
/// within the auditor's (a county auditor sees the county's officers, the city's the city's). The
/// read is itself audited like every read of personal data. `person` takes a person ref or a
/// resident ID (turned into its ref, as stored); `from` and `to` a date (`to` inclusive) or an
/// RFC 3339 instant (`to` exclusive); `after` pages on by sequence number.
public enum AuditLogRoutes {
    static let policy = RoutePolicy(roles: [.auditor], region: .fromToken, personalData: true)

    struct Row: ResponseEncodable {
        var sequence: Int64
        var at: String
        var subject: String
        var roles: [String]
        var tokenRegion: String
        var requestId: String
        var method: String
        var route: String
        var status: Int
        var personRefs: [String]
        var recordIds: [String]
        var hash: String
    }

    struct Page: ResponseEncodable {
        var items: [Row]
        /// The `after` that gives the next page; absent on the last one.
        var next: Int64?
    }

    public static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies) {
        routes.get("/audit-log", policy) { request, context -> Page in
            let principal = try context.requirePrincipal()
            let query = request.uri.queryParameters
            var audit = AuditQuery(regionPrefix: String(principal.region.significantPrefix))
            if let person = query.get("person") {
                audit.person = try Self.person(person, key: dependencies.personRefKey)
            }
            if let subject = query.get("sub") {
                guard !subject.isEmpty else { throw RuleViolation.invalid("request.invalid-sub", "sub: an officer's `sub`, not empty") }
                audit.subject = subject
            }
            if let from = query.get("from") { audit.from = try Self.instant(from, field: "from", endOfDay: false) }
            if let to = query.get("to") { audit.to = try Self.instant(to, field: "to", endOfDay: true) }
            if let after = query.get("after") {
                guard let sequence = Int64(after), sequence >= 0 else { throw RuleViolation.invalid("request.invalid-after", "after: a sequence number") }
                audit.afterSequence = sequence
            }
            if let limit = query.get("limit") {
                guard let count = Int(limit), (1...AuditQuery.maximumLimit).contains(count) else {
                    throw RuleViolation.invalid("request.invalid-limit", "limit: 1 to \(AuditQuery.maximumLimit)")
                }
                audit.limit = count
            }
            let records = try await AuditLog.entries(audit, client: dependencies.database, logger: context.logger)
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            let items = records.map { record in
                Row(sequence: record.sequence, at: formatter.string(from: record.at), subject: record.entry.subject,
                    roles: record.entry.roles, tokenRegion: record.entry.tokenRegion, requestId: record.entry.requestID,
                    method: record.entry.method, route: record.entry.route, status: record.entry.status,
                    personRefs: record.entry.personRefs, recordIds: record.entry.recordIDs,
                    hash: record.hash.map { String(format: "%02x", $0) }.joined())
            }
            return Page(items: items, next: items.count == audit.effectiveLimit ? items.last?.sequence : nil)
        }
    }

    static func person(_ text: String, key: PersonRefKey) throws(RuleViolation) -> String {
        if text.hasPrefix("pr_") { return try RequestParsing.personRef(text, field: "person").rawValue }
        return PersonRef.derive(from: try RequestParsing.residentID(text, field: "person"), key: key).rawValue
    }

    /// A date (the start of that day in China Standard Time; with `endOfDay`, the start of the next)
    /// or an RFC 3339 instant.
    static func instant(_ text: String, field: String, endOfDay: Bool) throws(RuleViolation) -> Date {
        if let date = try? CivilDate(iso: text) {
            let day = endOfDay ? date.adding(days: 1) : date
            // 00:00 at UTC+8, the bureau's day.
            return Date(timeIntervalSince1970: TimeInterval(day.daysSinceEpoch) * 86_400 - 8 * 3_600)
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let instant = formatter.date(from: text) { return instant }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let instant = formatter.date(from: text) { return instant }
        throw RuleViolation.invalid("request.invalid-\(field)", "\(field): a date (2026-11-26) or an RFC 3339 instant")
    }
}
