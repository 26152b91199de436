import Contracts
import Foundation
import Testing
import TestKit
@testable import AssistanceDomain

@Suite("Disability two subsidies: amounts, grants, 渐退 and deaths", .tags(.unit))
struct DisabilitySubsidyGrantTests {
    typealias F = AssistanceDomainFixture

    static func standard(_ month: String, _ yuan: String, kind: DisabilitySubsidyKind = .nursing,
                         region: RegionCode = F.jingtai) throws -> DisabilitySubsidyStandard {
        try DisabilitySubsidyStandard(region: region, kind: kind, effectiveFrom: F.month(month), monthlyAmount: F.yuan(yuan))
    }

    static func schedule() throws -> DisabilitySubsidySchedule {
        try DisabilitySubsidySchedule([standard("2023-01", "100"), standard("2023-07", "110"), standard("2024-01", "121")])
    }

    static func grant(from month: String = "2023-03") throws -> DisabilitySubsidy {
        try DisabilitySubsidy.grant(id: UUID(), person: F.person(1), kind: .nursing, basis: .severeDisability,
                                    firstMonth: F.month(month), schedule: schedule())
    }

    @Test("the amount in force in a month is the latest standard effective by then; none before the first")
    func amountByMonth() throws {
        let schedule = try Self.schedule()
        #expect(try schedule.amount(in: F.month("2022-12")) == nil)
        #expect(try schedule.amount(in: F.month("2023-01")) == F.yuan("100"))
        #expect(try schedule.amount(in: F.month("2023-06")) == F.yuan("100"))
        #expect(try schedule.amount(in: F.month("2023-07")) == F.yuan("110"))
        #expect(try schedule.amount(in: F.month("2025-05")) == F.yuan("121"))
    }

    @Test("a grant is paid at the amount of its first month and steps up with each later standard")
    func grantSteps() throws {
        let subsidy = try Self.grant()
        #expect(subsidy.region == F.jingtai)
        #expect(try subsidy.terms.due(in: F.month("2023-02")) == .zero)
        #expect(try subsidy.terms.due(in: F.month("2023-03")) == F.yuan("100"))
        #expect(try subsidy.terms.due(in: F.month("2023-07")) == F.yuan("110"))
        #expect(try subsidy.terms.due(in: F.month("2024-02")) == F.yuan("121"))
    }

    @Test("no standard for the first month: the grant is refused")
    func noStandard() throws {
        let refusal = try F.refusal { try Self.grant(from: "2022-11") }
        #expect(refusal?.code == "disability-standard.missing")
    }

    @Test("a later publication for the same month replaces the earlier; mixed counties or subsidies are refused")
    func scheduleShape() throws {
        let replaced = try DisabilitySubsidySchedule([Self.standard("2023-01", "100"), Self.standard("2023-01", "105")])
        #expect(replaced.standards.count == 1)
        #expect(try replaced.amount(in: F.month("2023-05")) == F.yuan("105"))
        let mixed = try F.refusal {
            try DisabilitySubsidySchedule([Self.standard("2023-01", "100", kind: .nursing), Self.standard("2023-01", "80", kind: .living)])
        }
        #expect(mixed?.code == "disability-standard.schedule-mixed")
    }

    @Test("standards are per county and positive")
    func standardRefusals() throws {
        let township = try F.refusal { try Self.standard("2023-01", "100", region: F.jingtaiTownship) }
        #expect(township?.code == "disability-standard.region-not-county")
        let zero = try F.refusal { try Self.standard("2023-01", "0") }
        #expect(zero?.code == "disability-standard.amount-not-positive")
    }

    @Test("a raise below +10% over the amount before warns (seed 001 第28项); 10% or more, or a first standard, does not",
          arguments: [("109.99", true), ("110", false), ("130", false)])
    func growthFloor(_ amount: String, _ warns: Bool) throws {
        let schedule = try DisabilitySubsidySchedule([Self.standard("2023-01", "100")])
        let shortfall = try schedule.growthShortfall(of: Self.standard("2024-01", amount), floor: DisabilityGrowthShortfall.tenPercent)
        #expect((shortfall != nil) == warns)
        if warns { #expect(try shortfall?.required == F.yuan("110")) }
        let empty = try DisabilitySubsidySchedule([])
        #expect(try empty.growthShortfall(of: Self.standard("2024-01", amount), floor: DisabilityGrowthShortfall.tenPercent) == nil)
    }

    @Test("re-rating from a month changes that month on, once; a second identical re-rating changes nothing")
    func rerate() throws {
        var subsidy = try Self.grant()
        let changed = try subsidy.rerate(to: F.yuan("150"), from: F.month("2024-06"))
        #expect(changed)
        #expect(try subsidy.terms.due(in: F.month("2024-05")) == F.yuan("121"))
        #expect(try subsidy.terms.due(in: F.month("2024-06")) == F.yuan("150"))
        let again = try subsidy.rerate(to: F.yuan("150"), from: F.month("2024-06"))
        #expect(!again)
    }

    @Test("渐退: eligibility ending in a month pays the policy's months more, then nothing; a second notice changes nothing")
    func gradualExit() throws {
        var subsidy = try Self.grant()
        let exit = try subsidy.beginExit(determinedIn: F.month("2024-03"), months: 6)
        #expect(try exit?.lastPaidMonth == F.month("2024-09"))
        #expect(subsidy.status == .exiting)
        #expect(try subsidy.terms.due(in: F.month("2024-09")) == F.yuan("121"))
        #expect(try subsidy.terms.due(in: F.month("2024-10")) == .zero)
        let second = try subsidy.beginExit(determinedIn: F.month("2024-05"), months: 6)
        #expect(second == nil)
        #expect(try subsidy.terms.lastMonth == F.month("2024-09"))
        // A raise after the last paid month does not reopen the subsidy.
        let late = try subsidy.rerate(to: F.yuan("200"), from: F.month("2025-01"))
        #expect(!late)
    }

    @Test("渐退 over: the exit ends once its last paid month lies before the month asked about; until then, and for an active or stopped subsidy, nothing changes")
    func exitEnds() throws {
        var subsidy = try Self.grant()
        let activeEnds = try subsidy.endExit(before: F.month("2030-01"))
        #expect(!activeEnds)
        #expect(subsidy.status.blocksNewGrant)
        _ = try subsidy.beginExit(determinedIn: F.month("2024-03"), months: 6)
        let stillPaid = try subsidy.endExit(before: F.month("2024-09"))
        #expect(!stillPaid)
        #expect(subsidy.status == .exiting)
        #expect(subsidy.status.blocksNewGrant)
        let over = try subsidy.endExit(before: F.month("2024-10"))
        #expect(over)
        #expect(subsidy.status == .ended)
        #expect(!subsidy.status.blocksNewGrant)
        #expect(try subsidy.terms.due(in: F.month("2024-09")) == F.yuan("121"))
        #expect(try subsidy.terms.due(in: F.month("2024-10")) == .zero)
        let overAgain = try subsidy.endExit(before: F.month("2025-01"))
        #expect(!overAgain)

        var stopped = try Self.grant()
        _ = try stopped.beginExit(determinedIn: F.month("2024-03"), months: 6)
        _ = try stopped.recordDeath(on: F.date("2024-05-02"))
        let stoppedEnds = try stopped.endExit(before: F.month("2025-01"))
        #expect(!stoppedEnds)
        #expect(stopped.status == .stopped)
        #expect(!stopped.status.blocksNewGrant)
    }

    @Test("only an active or exiting subsidy blocks a new grant of its kind",
          arguments: [(DisabilitySubsidyStatus.active, true), (.exiting, true), (.stopped, false), (.ended, false)])
    func blocking(_ status: DisabilitySubsidyStatus, _ blocks: Bool) {
        #expect(status.blocksNewGrant == blocks)
    }

    @Test("a death stops the subsidy from the month after; the same death again is a no-op; a corrected date moves the stop; an annulment resumes it")
    func death() throws {
        var subsidy = try Self.grant()
        let stop = try subsidy.recordDeath(on: F.date("2024-03-31"))
        #expect(try stop == F.month("2024-04"))
        #expect(subsidy.status == .stopped)
        #expect(try subsidy.terms.due(in: F.month("2024-03")) == F.yuan("121"))
        #expect(try subsidy.terms.due(in: F.month("2024-04")) == .zero)
        let duplicate = try subsidy.recordDeath(on: F.date("2024-03-31"))
        #expect(duplicate == nil)
        let corrected = try subsidy.recordDeath(on: F.date("2024-01-15"))
        #expect(try corrected == F.month("2024-02"))
        #expect(try subsidy.terms.due(in: F.month("2024-02")) == .zero)
        let annulled = subsidy.annulDeath()
        #expect(annulled)
        #expect(subsidy.status == .active)
        #expect(try subsidy.terms.due(in: F.month("2024-04")) == F.yuan("121"))
        let annulledAgain = subsidy.annulDeath()
        #expect(!annulledAgain)
    }

    @Test("a death during 渐退 stops it; annulled, the exit holds again")
    func deathDuringExit() throws {
        var subsidy = try Self.grant()
        _ = try subsidy.beginExit(determinedIn: F.month("2024-03"), months: 6)
        _ = try subsidy.recordDeath(on: F.date("2024-05-02"))
        #expect(try subsidy.terms.due(in: F.month("2024-06")) == .zero)
        let annulled = subsidy.annulDeath()
        #expect(annulled)
        #expect(subsidy.status == .exiting)
        #expect(try subsidy.terms.due(in: F.month("2024-06")) == F.yuan("121"))
        #expect(try subsidy.terms.due(in: F.month("2024-10")) == .zero)
    }

    @Test("each subsidy is its own roster program")
    func programs() {
        #expect(DisabilitySubsidyKind.living.program.rawValue == "disability-living-subsidy")
        #expect(DisabilitySubsidyKind.nursing.program.rawValue == "disability-nursing-subsidy")
    }
}
