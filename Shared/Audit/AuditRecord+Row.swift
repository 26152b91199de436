import Foundation
import Logging
import PostgresNIO

extension AuditRecord {
    /// The columns `decode` reads, in its order. `at` comes as whole microseconds since 1970: the
    /// exact integer the trigger hashed (extract(epoch …) is numeric, so nothing is rounded).
    static let selectList = """
        sequence, (extract(epoch FROM at) * 1000000)::bigint, subject, roles, token_region, request_id, method, \
        route, status, person_refs, record_ids, previous_hash, hash
        """

    /// Reads rows selected with `selectList`.
    static func decode(_ rows: PostgresRowSequence) async throws -> [AuditRecord] {
        var records: [AuditRecord] = []
        let columns = rows.decode(
            (Int64, Int64, String, [String], String, String, String, String, Int, [String], [String], Data, Data).self)
        for try await (sequence, at, subject, roles, tokenRegion, requestID, method, route, status, personRefs, recordIDs,
                       previousHash, hash) in columns {
            records.append(AuditRecord(
                sequence: sequence, atMicroseconds: at,
                entry: AuditEntry(subject: subject, roles: roles, tokenRegion: tokenRegion, requestID: requestID,
                                  method: method, route: route, status: status, personRefs: personRefs, recordIDs: recordIDs),
                previousHash: previousHash, hash: hash))
        }
        return records
    }
}
