import TestKit
import FaultHarness
import Foundation
import Testing

/// Issue 8's fault matrix on real processes: the Registry, ElderCare and ChildProtection
/// executables, the embedded-kafka process and a PostgreSQL cluster of the test's own.
/// Each fault lands in a steady stream of deaths, corrections and annulments driven over
/// HTTP; the counts come from the databases (see `FaultHarness.EffectLedger`).
///
/// Size: `MatrixSettings.ci` (600 events per fault, 3,000 in all); `CIVIL_FAULT_EVENTS`
/// overrides the per-fault count. `scripts/bench --faults` runs the same at scale.
@Suite("Fault matrix on real processes", .serialized, .tags(.faults, .kafka, .slow))
struct FaultMatrixTests {
    static var settings: MatrixSettings {
        var settings = MatrixSettings.ci
        if let events = ProcessInfo.processInfo.environment["CIVIL_FAULT_EVENTS"].flatMap(Int.init), events > 0 {
            settings.eventsPerFault = events
        }
        return settings
    }

    @Test("no event lost, none applied twice, per-key order kept", arguments: Fault.allCases)
    func fault(_ fault: Fault) async throws {
        let matrix = try await FaultMatrix.start(settings: Self.settings)
        let outcome: FaultOutcome
        do {
            outcome = try await matrix.run(fault)
        } catch {
            await matrix.finish(keepLogs: true)
            throw error
        }
        // Logs stay when a count is wrong, and the summary names their directory.
        await matrix.finish(keepLogs: !outcome.passed)
        print(outcome.summary)

        let lost = outcome.lost
        let appliedTwice = outcome.appliedTwice
        let orderViolations = outcome.orderViolations
        let goodDeadLettered = outcome.goodDeadLettered
        #expect(outcome.sent >= Self.settings.eventsPerFault / 2, "the driver got events through: \(outcome.summary)")
        #expect(lost == 0, "\(outcome.summary)")
        #expect(appliedTwice == 0, "\(outcome.summary)")
        #expect(orderViolations == 0, "\(outcome.summary)")
        #expect(goodDeadLettered == 0, "\(outcome.summary)")
        #expect(outcome.recovery != nil, "every event committed before the fault ended was applied: \(outcome.summary)")
        #expect(outcome.driverFailures.isEmpty, "\(outcome.driverFailures.prefix(5))")
        let ignoredSIGTERM = outcome.ignoredSIGTERM
        #expect(ignoredSIGTERM == [], "every service stops on SIGTERM")
        let readyAfter = outcome.readinessAfter
        #expect(readyAfter == 200, "ready again once recovered")
        if fault == .postgresRestart {
            let readyDuring = outcome.readinessDuringOutage
            #expect(readyDuring == 503, "not ready while its database is away")
        }
        if fault == .poisonEvent {
            let poisonMissing = outcome.poisonMissing
            let poisonWithoutReason = outcome.poisonWithoutReason
            #expect(poisonMissing == 0, "each consumer dead-letters all \(outcome.poisonProduced) poison messages: \(outcome.summary)")
            #expect(poisonWithoutReason == 0)
        }
    }
}
