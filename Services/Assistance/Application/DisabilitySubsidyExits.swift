import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO

/// 渐退 of the living subsidy ("探索建立残疾人“两项补贴”渐退机制", 济民发〔2022〕3号 第28项): when a
/// household's 低保 case ends (a review found its income above the line and published
/// `benefit-terminated`), the living subsidies granted because the household was in 低保 are paid
/// the policy's months more, then stop: one `disability-subsidy-stopped` (reason
/// `eligibility-ended`) each, in the review's transaction. A subsidy already exiting or stopped is
/// left alone, so a repeated notice changes nothing. Subsidies on another basis (低保边缘, the
/// nursing subsidy) do not depend on the 低保 case.
enum DisabilitySubsidyExits {
    /// Begins the exits for `household`, established in `month`; returns how many began.
    @discardableResult
    static func begin(household: UUID, determinedIn month: YearMonth, policy: DisabilitySubsidyPolicy, source: String,
                      on connection: PostgresConnection, logger: Logger) async throws -> Int {
        var begun = 0
        for stored in try await DisabilitySubsidyStore.livingOnMinimumLiving(household: household, on: connection, logger: logger) {
            var subsidy = stored.subsidy
            guard let exit = try subsidy.beginExit(determinedIn: month, months: policy.gradualExitMonths) else { continue }
            try await DisabilitySubsidyStore.save(subsidy, on: connection, logger: logger)
            try await Outbox.append(
                DisabilitySubsidyStopped(subsidyID: subsidy.id, person: subsidy.person, region: subsidy.region, program: subsidy.kind.program,
                                         reason: .eligibilityEnded, lastPaidMonth: subsidy.terms.lastMonth ?? exit.lastPaidMonth,
                                         causationEventID: nil),
                source: source, on: connection, logger: logger)
            begun += 1
        }
        if begun > 0 {
            logger.info("living subsidies in gradual exit after the household left 低保", metadata: [
                "household": "\(household)", "subsidies": "\(begun)", "determinedIn": "\(month)"])
        }
        return begun
    }
}
