import Crypto
import Foundation

/// The text each audit row's hash covers, byte for byte the same as the database's
/// `audit_log_canonical` (see `AuditMigrations`), so the verifier can recompute in Swift what the
/// trigger computed in SQL.
///
/// Format (UTF-8; `\n` is a line feed; numbers are decimal with an optional leading `-`):
///
///     civil-audit-v1\n
///     <sequence>\n
///     <at: microseconds since 1970-01-01 UTC>\n
///     F(subject) L(roles) F(token_region) F(request_id) F(method) F(route)
///     <status>\n
///     L(person_refs) L(record_ids)
///
/// where `F(s)` is `<number of UTF-8 bytes of s>:<s>\n` and `L(xs)` is `<number of elements>\n`
/// followed by `F(x)` for each element in order. Every part either ends at a known length or at a
/// line feed that cannot occur inside it (a number), so the text reads back one way only: no
/// choice of field values can make two different rows share a canonical text.
///
/// The row's hash is `SHA-256(previous_hash || canonical text)`. Change this format only with a
/// new version tag and a migration that replaces `audit_log_canonical`: old rows keep their hash.
enum AuditCanonicalForm {
    static let version = "civil-audit-v1"

    /// The hash of the first row's predecessor.
    static let genesisHash = Data(repeating: 0, count: SHA256.byteCount)

    static func text(sequence: Int64, atMicroseconds: Int64, entry: AuditEntry) -> String {
        var text = version + "\n"
        text += "\(sequence)\n\(atMicroseconds)\n"
        text += field(entry.subject) + list(entry.roles) + field(entry.tokenRegion) + field(entry.requestID)
        text += field(entry.method) + field(entry.route)
        text += "\(entry.status)\n"
        text += list(entry.personRefs) + list(entry.recordIDs)
        return text
    }

    static func hash(previous: Data, sequence: Int64, atMicroseconds: Int64, entry: AuditEntry) -> Data {
        var hasher = SHA256()
        hasher.update(data: previous)
        hasher.update(data: Data(text(sequence: sequence, atMicroseconds: atMicroseconds, entry: entry).utf8))
        return Data(hasher.finalize())
    }

    private static func field(_ value: String) -> String {
        "\(value.utf8.count):\(value)\n"
    }

    private static func list(_ values: [String]) -> String {
        "\(values.count)\n" + values.map(field).joined()
    }
}
