import AssistanceDomain
import Contracts
import Foundation
import Logging
import PostgresNIO

extension HouseholdStore {
    /// Where a household stands for the living subsidy, from Assistance's own data: an active 低保
    /// case → minimum-living; otherwise 低保边缘 as the last verification found it (the flag
    /// low-income monitoring reads) → near-low-income; otherwise none. With the household's county.
    /// Refuses `household.not-found` (404).
    static func disabilityStanding(_ id: UUID, on connection: PostgresConnection,
                                   logger: Logger) async throws -> (region: RegionCode, status: DisabilityHouseholdStatus) {
        let rows = try await connection.query("""
            SELECT h.region, h.near_low_income,
                   EXISTS (SELECT 1 FROM cases c WHERE c.household_id = h.id AND c.program = \(AssistanceProgram.minimumLivingAllowance.rawValue)
                                                   AND c.status = 'active')
            FROM households h WHERE h.id = \(id)
            """, logger: logger)
        for try await (region, near, inMinimumLiving) in rows.decode((String, Bool, Bool).self) {
            let status: DisabilityHouseholdStatus = inMinimumLiving ? .minimumLiving : near ? .nearLowIncome : .none
            return (try RegionCode(region).county, status)
        }
        throw RuleViolation("household.not-found", "no household \(id)", kind: .notFound)
    }
}
