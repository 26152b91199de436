import AssistanceDomain
import Contracts
import Foundation
import Logging
import PostgresNIO

/// `disability_subsidy_standards`: each county's amount of each disability subsidy from an
/// effective month.
enum DisabilitySubsidyStandardStore {
    /// Sets the amount of a county, subsidy and effective month; true when it changed (a repeated
    /// request with the same amount writes nothing, so it publishes nothing either).
    static func set(_ standard: DisabilitySubsidyStandard, on day: CivilDate,
                    on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let rows = try await connection.query("""
            INSERT INTO disability_subsidy_standards (region, kind, effective_from, monthly_amount_fen, set_on)
            VALUES (\(standard.region.rawValue), \(standard.kind.rawValue), \(standard.effectiveFrom.firstDay.iso)::date,
                    \(standard.monthlyAmount.fen), \(day.iso)::date)
            ON CONFLICT (region, kind, effective_from) DO UPDATE SET
                monthly_amount_fen = EXCLUDED.monthly_amount_fen, set_on = EXCLUDED.set_on
                WHERE disability_subsidy_standards.monthly_amount_fen <> EXCLUDED.monthly_amount_fen
            RETURNING 1
            """, logger: logger)
        for try await _ in rows.decode(Int.self) { return true }
        return false
    }

    /// Every standard of the county and subsidy, as a schedule (empty when none is set).
    static func schedule(region: RegionCode, kind: DisabilitySubsidyKind,
                         on connection: PostgresConnection, logger: Logger) async throws -> DisabilitySubsidySchedule {
        let rows = try await connection.query("""
            SELECT to_char(effective_from, 'YYYY-MM'), monthly_amount_fen FROM disability_subsidy_standards
            WHERE region = \(region.county.rawValue) AND kind = \(kind.rawValue)
            ORDER BY effective_from
            """, logger: logger)
        var standards: [DisabilitySubsidyStandard] = []
        for try await (month, fen) in rows.decode((String, Int64).self) {
            standards.append(try DisabilitySubsidyStandard(region: region.county, kind: kind, effectiveFrom: YearMonth(iso: month),
                                                           monthlyAmount: Money(fen: fen)))
        }
        return try DisabilitySubsidySchedule(standards)
    }
}

extension DisabilitySubsidyStandardStore {
    /// A stored amount with the day it was set.
    struct Stored: Sendable {
        let standard: DisabilitySubsidyStandard
        let setOn: CivilDate
    }

    /// Every amount set for the county, by subsidy and effective month.
    static func all(region: RegionCode, on connection: PostgresConnection, logger: Logger) async throws -> [Stored] {
        let rows = try await connection.query("""
            SELECT kind, to_char(effective_from, 'YYYY-MM'), monthly_amount_fen, to_char(set_on, 'YYYY-MM-DD')
            FROM disability_subsidy_standards WHERE region = \(region.county.rawValue)
            ORDER BY kind, effective_from
            """, logger: logger)
        var stored: [Stored] = []
        for try await (kind, month, fen, day) in rows.decode((String, String, Int64, String).self) {
            guard let kind = DisabilitySubsidyKind(rawValue: kind) else { throw StoredValueError(column: "disability_subsidy_standards.kind", value: kind) }
            stored.append(Stored(standard: try DisabilitySubsidyStandard(region: region.county, kind: kind, effectiveFrom: YearMonth(iso: month),
                                                                         monthlyAmount: Money(fen: fen)),
                                 setOn: try CivilDate(iso: day)))
        }
        return stored
    }
}
