import AssistanceDomain
import Contracts
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import PostgresNIO

/// An agency's own service, asked over HTTP during verification: the contract an agency implements
/// is `Services/Assistance/verification-source.openapi.json` — `POST {base}/verification-records`
/// with `{"personRefs": [...]}`, answered with `{"records": [{"personRef", "kind", "category",
/// "amountFen", "note"}]}`. Only person refs leave the bureau.
///
/// Configured with `ASSISTANCE_VERIFICATION_HTTP_SOURCES=name=url,name=url`. An agency that does not
/// answer (or answers nonsense) stops the verification with 503 `verification.source-unavailable`:
/// a verification that silently skipped a source would understate the household's means.
struct HTTPDataSource: EconomicDataSource {
    let name: String
    let baseURL: URL
    var timeout: TimeInterval = 10

    struct Query: Encodable { var personRefs: [String] }
    struct Answer: Decodable { var records: [Record] }
    struct Record: Decodable {
        var personRef: String
        var kind: String
        var category: String
        var amountFen: Int64
        var note: String?
    }

    func records(for people: [PersonRef], on connection: PostgresConnection, logger: Logger) async throws -> [VerificationRecord] {
        var request = URLRequest(url: baseURL.appendingPathComponent("verification-records"), timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONEncoder().encode(Query(personRefs: people.map(\.rawValue)))
        let answer: Answer
        do {
            let (data, response) = try await URLSession.shared.data(for: request)
            guard let http = response as? HTTPURLResponse, http.statusCode == 200 else {
                throw unavailable("\(name) answered HTTP \((response as? HTTPURLResponse)?.statusCode ?? 0)")
            }
            answer = try JSONDecoder().decode(Answer.self, from: data)
        } catch let violation as RuleViolation {
            throw violation
        } catch {
            logger.warning("verification source failed", metadata: ["source": "\(name)", "error": "\(error)"])
            throw unavailable("\(name) did not answer: \(error)")
        }
        let asked = Set(people.map(\.rawValue))
        return answer.records.compactMap { record in
            // An agency may only tell us about the people we asked about.
            guard asked.contains(record.personRef), record.amountFen >= 0, let person = try? PersonRef(rawValue: record.personRef),
                  let fact = VerificationRecord.Fact(kind: record.kind, category: record.category, amount: Money(fen: record.amountFen))
            else { return nil }
            return VerificationRecord(source: name, person: person, fact: fact, note: record.note ?? "")
        }
    }

    /// 503 `verification.source-unavailable`: nothing was written; the verification can be run again.
    private func unavailable(_ detail: String) -> RuleViolation {
        RuleViolation("verification.source-unavailable", detail, kind: .unavailable)
    }

    /// `name=url,name=url` → sources; refuses a malformed entry.
    static func configured(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [HTTPDataSource] {
        guard let text = environment["ASSISTANCE_VERIFICATION_HTTP_SOURCES"], !text.isEmpty else { return [] }
        return try text.split(separator: ",").map { entry in
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, let url = URL(string: parts[1]), url.scheme?.hasPrefix("http") == true else {
                throw RuleViolation.invalid("settings.invalid", "ASSISTANCE_VERIFICATION_HTTP_SOURCES entry '\(entry)' is not name=http(s)://…")
            }
            return HTTPDataSource(name: parts[0], baseURL: url)
        }
    }
}
