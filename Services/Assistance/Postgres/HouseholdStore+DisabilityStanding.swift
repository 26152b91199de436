import AssistanceDomain
import Contracts
import Foundation
import Logging
import PostgresNIO

extension HouseholdStore {
    /// The facts the household's standing for the living subsidy is decided on
    /// (``DisabilityHouseholdStanding/status``): its county, whether an active 低保 case covers it,
    /// and its 低保边缘 flag. Refuses `household.not-found` (404).
    static func disabilityStanding(_ id: UUID, on connection: PostgresConnection,
                                   logger: Logger) async throws -> DisabilityHouseholdStanding {
        let rows = try await connection.query("""
            SELECT h.region, h.near_low_income,
                   EXISTS (SELECT 1 FROM cases c WHERE c.household_id = h.id AND c.program = \(AssistanceProgram.minimumLivingAllowance.rawValue)
                                                   AND c.status = 'active')
            FROM households h WHERE h.id = \(id)
            """, logger: logger)
        for try await (region, near, inMinimumLiving) in rows.decode((String, Bool, Bool).self) {
            return DisabilityHouseholdStanding(region: try RegionCode(region).county, hasActiveMinimumLivingCase: inMinimumLiving,
                                               nearLowIncome: near)
        }
        throw RuleViolation("household.not-found", "no household \(id)", kind: .notFound)
    }
}
