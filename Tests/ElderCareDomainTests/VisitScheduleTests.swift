import Contracts
import Testing
import TestKit
@testable import ElderCareDomain

@Suite("Visit schedule (探访关爱)", .tags(.unit))
struct VisitScheduleTests {
    typealias F = ElderCareDomainFixture

    @Test("by default every key category is visited monthly; 经济困难 alone asks for no visit")
    func defaults() {
        let schedule = VisitSchedule.seedDefaults
        for category in KeyCategory.seedEight + [.dementia] {
            #expect(schedule.cadence(for: [category]) == .monthly)
        }
        #expect(schedule.cadence(for: [.economicHardship]) == nil)
        #expect(schedule.cadence(for: []) == nil)
        #expect(schedule.cadence(for: [.economicHardship, .leftBehind]) == .monthly)
    }

    @Test("several categories: the most frequent cadence applies")
    func mostFrequent() {
        var schedule = VisitSchedule.seedDefaults
        schedule.cadences[.livingAlone] = .weekly
        schedule.cadences[.leftBehind] = .quarterly
        #expect(schedule.cadence(for: [.leftBehind]) == .quarterly)
        #expect(schedule.cadence(for: [.leftBehind, .advancedAge]) == .monthly)
        #expect(schedule.cadence(for: [.leftBehind, .advancedAge, .livingAlone]) == .weekly)
        #expect(VisitCadence.allCases.sorted() == [.daily, .weekly, .monthly, .quarterly])
    }

    @Test("a visit is due one cadence later; months clamp to the month's end",
          arguments: [(VisitCadence.daily, "2025-01-31", "2025-02-01"), (.weekly, "2025-01-31", "2025-02-07"),
                      (.monthly, "2025-01-31", "2025-02-28"), (.monthly, "2024-01-31", "2024-02-29"), (.monthly, "2025-12-15", "2026-01-15"),
                      (.quarterly, "2025-11-30", "2026-02-28")])
    func dueAfter(_ cadence: VisitCadence, _ last: String, _ due: String) throws {
        #expect(cadence.due(after: try F.date(last)) == (try F.date(due)))
    }

    @Test("on time on the due day, overdue the day after")
    func overdue() throws {
        let elder = VisitDue(categories: [.livingAlone], region: try F.region("620423100"), scheduledSince: try F.date("2024-06-01"),
                             lastVisit: try F.date("2025-01-31"))
        let schedule = VisitSchedule.seedDefaults
        #expect(elder.nextDue(on: try F.date("2025-02-10"), schedule: schedule) == (try F.date("2025-02-28")))
        #expect(elder.isOverdue(on: try F.date("2025-02-28"), schedule: schedule) == false)
        #expect(elder.isOverdue(on: try F.date("2025-03-01"), schedule: schedule) == true)
        #expect(elder.daysOverdue(on: try F.date("2025-03-05"), schedule: schedule) == 5)
        #expect(elder.daysOverdue(on: try F.date("2025-02-05"), schedule: schedule) == 0)
    }

    @Test("never visited: due one cadence after entering the schedule")
    func neverVisited() throws {
        let elder = VisitDue(categories: [.specialFamily], region: try F.jingtai(), scheduledSince: try F.date("2025-03-10"))
        #expect(elder.nextDue(on: try F.date("2025-03-10"), schedule: .seedDefaults) == (try F.date("2025-04-10")))
        #expect(elder.isOverdue(on: try F.date("2025-04-11"), schedule: .seedDefaults) == true)
    }

    @Test("nobody to visit: no scheduled category, or living in an institution")
    func nothingDue() throws {
        let day = try F.date("2025-03-10")
        let hardshipOnly = VisitDue(categories: [.economicHardship], region: try F.jingtai(), scheduledSince: try F.date("2024-01-01"))
        #expect(hardshipOnly.nextDue(on: day, schedule: .seedDefaults) == nil)
        #expect(hardshipOnly.isOverdue(on: day, schedule: .seedDefaults) == false)
        let inInstitution = VisitDue(categories: [.disabled], region: try F.jingtai(), livesAtHome: false, scheduledSince: try F.date("2024-01-01"))
        #expect(inInstitution.nextDue(on: day, schedule: .seedDefaults) == nil)
        #expect(inInstitution.daysOverdue(on: day, schedule: .seedDefaults) == 0)
        let emergency = try EmergencyVisitMode(region: try F.jingtai(), startsOn: try F.date("2025-03-01"), reason: "疫情")
        #expect(inInstitution.cadence(on: day, schedule: .seedDefaults, emergencies: [emergency]) == nil)
    }

    @Test("an emergency makes visits daily in its region from its first day (seed 000 L36)")
    func emergencyDaily() throws {
        let emergency = try EmergencyVisitMode(region: try F.jingtai(), startsOn: try F.date("2025-01-20"), endsOn: try F.date("2025-01-31"),
                                               reason: "疫情防控期间")
        var elder = VisitDue(categories: [.advancedAge], region: try F.region("620423100001"), scheduledSince: try F.date("2024-01-01"),
                             lastVisit: try F.date("2025-01-10"))
        let schedule = VisitSchedule.seedDefaults
        #expect(elder.cadence(on: try F.date("2025-01-19"), schedule: schedule, emergencies: [emergency]) == .monthly)
        #expect(elder.cadence(on: try F.date("2025-01-20"), schedule: schedule, emergencies: [emergency]) == .daily)
        #expect(elder.nextDue(on: try F.date("2025-01-19"), schedule: schedule, emergencies: [emergency]) == (try F.date("2025-02-10")))
        #expect(elder.nextDue(on: try F.date("2025-01-20"), schedule: schedule, emergencies: [emergency]) == (try F.date("2025-01-20")))
        #expect(elder.isOverdue(on: try F.date("2025-01-20"), schedule: schedule, emergencies: [emergency]) == false)
        #expect(elder.isOverdue(on: try F.date("2025-01-21"), schedule: schedule, emergencies: [emergency]) == true)
        elder.lastVisit = try F.date("2025-01-21")
        #expect(elder.nextDue(on: try F.date("2025-01-21"), schedule: schedule, emergencies: [emergency]) == (try F.date("2025-01-22")))
        #expect(elder.isOverdue(on: try F.date("2025-01-23"), schedule: schedule, emergencies: [emergency]) == true)
        // After the last day the monthly schedule counts from the last visit again.
        #expect(elder.cadence(on: try F.date("2025-02-01"), schedule: schedule, emergencies: [emergency]) == .monthly)
        #expect(elder.nextDue(on: try F.date("2025-02-01"), schedule: schedule, emergencies: [emergency]) == (try F.date("2025-02-21")))
    }

    @Test("an emergency elsewhere changes nothing; one for the county covers its townships")
    func emergencyRegion() throws {
        let huining = try EmergencyVisitMode(region: try F.region("620422"), startsOn: try F.date("2025-01-20"), reason: "疫情")
        let township = try EmergencyVisitMode(region: try F.region("620423100"), startsOn: try F.date("2025-01-20"), reason: "山洪")
        let day = try F.date("2025-01-25")
        #expect(huining.applies(to: try F.region("620423100"), on: day) == false)
        #expect(township.applies(to: try F.region("620423100001"), on: day) == true)
        #expect(township.applies(to: try F.region("620423101"), on: day) == false)
        #expect(township.applies(to: try F.region("620423100"), on: try F.date("2025-01-19")) == false)
        let elder = VisitDue(categories: [.leftBehind], region: try F.region("620423100001"), scheduledSince: try F.date("2024-01-01"),
                             lastVisit: try F.date("2025-01-10"))
        #expect(elder.cadence(on: day, schedule: .seedDefaults, emergencies: [huining]) == .monthly)
        #expect(elder.cadence(on: day, schedule: .seedDefaults, emergencies: [huining, township]) == .daily)
    }

    @Test("a visit already late before the emergency stays as late")
    func lateBeforeEmergency() throws {
        let emergency = try EmergencyVisitMode(region: try F.jingtai(), startsOn: try F.date("2025-01-20"), reason: "疫情")
        let elder = VisitDue(categories: [.emptyNest], region: try F.jingtai(), scheduledSince: try F.date("2024-01-01"),
                             lastVisit: try F.date("2024-11-01"))
        #expect(elder.nextDue(on: try F.date("2025-01-22"), schedule: .seedDefaults, emergencies: [emergency]) == (try F.date("2024-12-01")))
        #expect(elder.daysOverdue(on: try F.date("2025-01-22"), schedule: .seedDefaults, emergencies: [emergency]) == 52)
    }

    @Test("an emergency cannot end before it starts")
    func emergencyDates() throws {
        let region = try F.jingtai()
        let start = try F.date("2025-01-20")
        let end = try F.date("2025-01-19")
        #expect(F.refusal { () throws(RuleViolation) in try EmergencyVisitMode(region: region, startsOn: start, endsOn: end, reason: "x") }?.code
            == "visit-emergency.ends-before-start")
        #expect(F.refusal { () throws(RuleViolation) in try EmergencyVisitMode(region: region, startsOn: start, endsOn: start, reason: "one day") } == nil)
    }

    @Test("statistics: visited in the month, and on time on a day")
    func statistics() throws {
        let march = try F.month("2025-03")
        let visits = [[try F.date("2025-03-01")], [try F.date("2025-02-28"), try F.date("2025-04-01")], [], [try F.date("2025-03-31")]]
        #expect(VisitStatistics.monthlyVisitRate(in: march, visitDates: visits) == Proportion(count: 2, of: 4))
        let region = try F.jingtai()
        let since = try F.date("2024-01-01")
        let elders = [
            VisitDue(categories: [.livingAlone], region: region, scheduledSince: since, lastVisit: try F.date("2025-03-01")),
            VisitDue(categories: [.livingAlone], region: region, scheduledSince: since, lastVisit: try F.date("2025-01-01")),
            VisitDue(categories: [.economicHardship], region: region, scheduledSince: since),
        ]
        #expect(VisitStatistics.onTimeShare(on: try F.date("2025-03-15"), elders: elders, schedule: .seedDefaults) == Proportion(count: 1, of: 2))
    }
}
