import Contracts
import ElderCareDomain
import Foundation
import Logging
import PostgresNIO

/// `assessments`: every capability assessment recorded, item scores included.
enum AssessmentStore {
    static func insert(_ stored: StoredAssessment, on connection: PostgresConnection, logger: Logger) async throws {
        let assessment = stored.assessment
        let scores = Dictionary(uniqueKeysWithValues: assessment.scores.items.map { ($0.key.code, $0.value) })
        try await connection.query("""
            INSERT INTO assessments (id, person_ref, region, assessed_on, scores, comatose, total, level, assessor)
            VALUES (\(stored.id), \(stored.person.rawValue), \(stored.region.rawValue), \(assessment.assessedOn.iso)::date,
                    \(try PlacementJSON.text(scores))::jsonb, \(assessment.comatose), \(assessment.total), \(assessment.level.name),
                    \(stored.assessor))
            """, logger: logger)
    }

    /// The level of the person's latest assessment (newest day, then latest recorded), nil when never assessed.
    static func latestLevel(of person: PersonRef, on connection: PostgresConnection, logger: Logger) async throws -> CapabilityLevel? {
        let rows = try await connection.query("""
            SELECT level FROM assessments WHERE person_ref = \(person.rawValue)
            ORDER BY assessed_on DESC, recorded_at DESC LIMIT 1
            """, logger: logger)
        for try await name in rows.decode(String.self) { return try level(named: name) }
        return nil
    }

    /// The person's assessments recorded within `region`, newest first.
    static func assessments(of person: PersonRef, within region: RegionCode, on connection: PostgresConnection,
                            logger: Logger) async throws -> [StoredAssessment] {
        let prefix = String(region.significantPrefix)
        let rows = try await connection.query("""
            SELECT id, region, assessed_on::text, scores::text, comatose, assessor FROM assessments
            WHERE person_ref = \(person.rawValue) AND starts_with(region, \(prefix))
            ORDER BY assessed_on DESC, recorded_at DESC
            """, logger: logger)
        var found: [StoredAssessment] = []
        for try await row in rows.decode((UUID, String, String, String, Bool, String).self) {
            let byCode = try PlacementJSON.decode([String: Int].self, from: row.3)
            var items: [CapabilityItem: Int] = [:]
            for (code, score) in byCode {
                guard let item = CapabilityItem(rawValue: code) else { throw PlacementStoreError(column: "assessments.scores", value: code) }
                items[item] = score
            }
            let assessment = try CapabilityAssessment(assessedOn: try CivilDate(iso: row.2), items: items, comatose: row.4)
            found.append(StoredAssessment(id: row.0, person: person, region: try RegionCode(row.1), assessment: assessment, assessor: row.5))
        }
        return found
    }

    static func level(named name: String) throws -> CapabilityLevel {
        guard let level = CapabilityLevel.allCases.first(where: { $0.name == name }) else {
            throw PlacementStoreError(column: "assessments.level", value: name)
        }
        return level
    }
}
