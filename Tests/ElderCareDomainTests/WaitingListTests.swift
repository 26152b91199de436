import Contracts
import Foundation
import Testing
import TestKit
@testable import ElderCareDomain

@Suite("Waiting list (公建养老机构入住轮候): the state machine", .tags(.unit))
struct WaitingListTests {
    typealias F = ElderCareDomainFixture

    static let home = UUID(uuid: (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16))

    static func entry(born: String = "1944-05-05", applied: String = "2025-03-01") throws -> WaitingListEntry {
        try WaitingListEntry(applicant: try F.id(born: born), person: try F.person(1), appliedAt: try F.instant(applied))
    }

    static func offer(_ day: String) throws -> WaitingListOffer {
        WaitingListOffer(institution: home, bed: .nursing, offeredOn: try F.date(day))
    }

    @Test("apply, assess, queue, offer, admit, confirm, discharge")
    func happyPath() throws {
        var entry = try Self.entry()
        #expect(entry.state == .applied)
        #expect(entry.appliedOn == (try F.date("2025-03-01")))
        try entry.apply(.assess(.moderate, on: try F.date("2025-03-05")))
        #expect(entry.state == .assessed(.moderate))
        #expect(entry.capability == .moderate)
        try entry.apply(.queue(on: try F.date("2025-03-06")))
        try entry.apply(.offer(try Self.offer("2025-05-01")))
        #expect(entry.state == .offered(try Self.offer("2025-05-01")))
        try entry.apply(.admit(on: try F.date("2025-05-03")))
        #expect(entry.state == .admitted(institution: Self.home, on: try F.date("2025-05-03")))
        #expect(entry.state.occupiesBed == true)
        try entry.apply(.confirmResidence(on: try F.date("2025-06-03")))
        #expect(entry.state == .resident(institution: Self.home, since: try F.date("2025-06-03")))
        try entry.apply(.discharge(on: try F.date("2026-01-10"), reason: .leftVoluntarily))
        #expect(entry.state == .discharged(on: try F.date("2026-01-10"), reason: .leftVoluntarily))
        #expect(entry.state.isFinal == true)
        #expect(entry.capability == .moderate)
    }

    @Test("the day of application is Beijing's: 23:30 UTC is the next day")
    func applicationDay() throws {
        let lateUTC = Date(timeIntervalSince1970: TimeInterval(try F.date("2025-02-28").daysSinceEpoch * 86_400 + 23 * 3_600 + 30 * 60))
        let entry = try WaitingListEntry(applicant: try F.id(born: "1944-05-05"), person: try F.person(1), appliedAt: lateUTC)
        #expect(entry.appliedOn == (try F.date("2025-03-01")))
    }

    @Test("applicants are 60 or older on the day they apply")
    func under60() throws {
        let id = try F.id(born: "1965-03-02")
        let person = try F.person(1)
        let before = try F.instant("2025-03-01")
        let refusal = F.refusal { () throws(RuleViolation) in try WaitingListEntry(applicant: id, person: person, appliedAt: before) }
        #expect(refusal?.code == "waiting-list.under-60")
        let onBirthday = try F.instant("2025-03-02")
        #expect(F.refusal { () throws(RuleViolation) in try WaitingListEntry(applicant: id, person: person, appliedAt: onBirthday) } == nil)
    }

    static let day = "2025-06-01"

    static func steps() throws -> [WaitingListStep] {
        let day = try F.date(Self.day)
        return [.assess(.mild, on: day), .queue(on: day), .offer(try Self.offer(Self.day)), .decline(on: day), .admit(on: day),
                .confirmResidence(on: day), .discharge(on: day, reason: .death), .withdraw(on: day), .remove(on: day, reason: .ineligible)]
    }

    static func states() throws -> [WaitingListState] {
        let day = try F.date("2025-04-01")
        return [.applied, .assessed(.mild), .queued, .offered(try Self.offer("2025-04-01")), .admitted(institution: Self.home, on: day),
                .resident(institution: Self.home, since: day), .discharged(on: day, reason: .death), .withdrawn(on: day),
                .removed(on: day, reason: .death)]
    }

    /// The allowed steps of every state, by step name; every other pair is refused.
    static let allowed: [String: Set<String>] = [
        "applied": ["assess", "withdraw", "remove"],
        "assessed": ["queue", "withdraw", "remove"],
        "queued": ["offer", "withdraw", "remove"],
        "offered": ["decline", "admit", "withdraw", "remove"],
        "admitted": ["confirm-residence", "discharge"],
        "resident": ["discharge"],
        "discharged": [], "withdrawn": [], "removed": [],
    ]

    @Test("every state against every step: only the allowed transitions happen")
    func transitionTable() throws {
        for state in try Self.states() {
            for step in try Self.steps() {
                let next = WaitingListEntry.transition(from: state, by: step)
                let expected = Self.allowed[state.name]?.contains(step.name) ?? false
                #expect((next != nil) == expected, "\(state.name) × \(step.name)")
            }
        }
    }

    @Test("a step out of turn is refused with 409 and leaves the entry as it was")
    func outOfTurn() throws {
        var entry = try Self.entry()
        let before = entry
        let day = try F.date("2025-03-05")
        let refusal = F.refusal { () throws(RuleViolation) in try entry.apply(.admit(on: day)) }
        #expect(refusal?.code == "waiting-list.transition-not-allowed")
        #expect(refusal?.kind == .conflict)
        #expect(refusal?.detail == "an application that is applied cannot admit")
        #expect(entry == before)
        let queued = F.refusal { () throws(RuleViolation) in try entry.apply(.queue(on: day)) }
        #expect(queued?.code == "waiting-list.transition-not-allowed")
    }

    @Test("a step dated before the previous one is refused")
    func backdated() throws {
        var entry = try Self.entry()
        try entry.apply(.assess(.mild, on: try F.date("2025-03-10")))
        let earlier = try F.date("2025-03-09")
        #expect(F.refusal { () throws(RuleViolation) in try entry.apply(.queue(on: earlier)) }?.code == "waiting-list.step-before-previous")
        let beforeApplying = try F.date("2025-02-28")
        var fresh = try Self.entry()
        #expect(F.refusal { () throws(RuleViolation) in try fresh.apply(.assess(.mild, on: beforeApplying)) }?.code
            == "waiting-list.step-before-previous")
        try entry.apply(.queue(on: try F.date("2025-03-10")))
        #expect(entry.state == .queued)
    }

    @Test("a closed application takes no step")
    func closed() throws {
        var entry = try Self.entry()
        try entry.apply(.withdraw(on: try F.date("2025-03-02")))
        let day = try F.date("2025-03-03")
        let refusal = F.refusal { () throws(RuleViolation) in try entry.apply(.assess(.mild, on: day)) }
        #expect(refusal?.code == "waiting-list.closed")
        #expect(refusal?.kind == .conflict)
    }

    @Test("declining an offer returns to the queue and is counted")
    func decline() throws {
        var entry = try Self.entry()
        try entry.apply(.assess(.intact, on: try F.date("2025-03-02")))
        try entry.apply(.queue(on: try F.date("2025-03-02")))
        try entry.apply(.offer(try Self.offer("2025-04-01")))
        try entry.apply(.decline(on: try F.date("2025-04-03")))
        #expect(entry.state == .queued)
        #expect(entry.declinedOffers == 1)
        try entry.apply(.offer(try Self.offer("2025-05-01")))
        try entry.apply(.admit(on: try F.date("2025-05-02")))
        #expect(entry.declinedOffers == 1)
    }

    @Test("a death removes an applicant from the list and discharges a resident; a closed application takes nothing")
    func death() throws {
        let day = try F.date("2025-08-01")
        var waiting = try Self.entry()
        try waiting.apply(.assess(.severe, on: try F.date("2025-03-02")))
        try waiting.apply(.queue(on: try F.date("2025-03-02")))
        #expect(waiting.stepOnDeath(on: day) == .remove(on: day, reason: .death))
        var resident = waiting
        try resident.apply(.offer(try Self.offer("2025-04-01")))
        try resident.apply(.admit(on: try F.date("2025-04-02")))
        #expect(resident.stepOnDeath(on: day) == .discharge(on: day, reason: .death))
        try resident.apply(.confirmResidence(on: try F.date("2025-05-02")))
        let step = try #require(resident.stepOnDeath(on: day))
        try resident.apply(step)
        #expect(resident.state == .discharged(on: day, reason: .death))
        #expect(resident.stepOnDeath(on: day) == nil)
        // A death reported with a date before the last step is applied on the last step's day.
        var late = try Self.entry()
        try late.apply(.assess(.mild, on: try F.date("2025-03-10")))
        #expect(late.stepOnDeath(on: try F.date("2025-03-08")) == .remove(on: try F.date("2025-03-10"), reason: .death))
    }

    @Test("an annulled death reopens the application in the queue with its application time; other closures stay closed")
    func annulledDeath() throws {
        let day = try F.date("2025-09-01")
        var resident = try Self.entry()
        try resident.apply(.assess(.severe, on: try F.date("2025-03-02")))
        try resident.apply(.queue(on: try F.date("2025-03-02")))
        try resident.apply(.offer(try Self.offer("2025-04-01")))
        try resident.apply(.admit(on: try F.date("2025-04-02")))
        try resident.apply(.discharge(on: try F.date("2025-08-01"), reason: .death))
        let reopened = try #require(resident.reopenedAfterAnnulledDeath(on: day))
        #expect(reopened.state == .queued)
        #expect(reopened.appliedAt == resident.appliedAt)
        #expect(reopened.capability == .severe)
        var unassessed = try Self.entry()
        try unassessed.apply(.remove(on: try F.date("2025-03-05"), reason: .death))
        #expect(unassessed.reopenedAfterAnnulledDeath(on: day)?.state == .applied)
        var left = try Self.entry()
        try left.apply(.withdraw(on: try F.date("2025-03-05")))
        #expect(left.reopenedAfterAnnulledDeath(on: day) == nil)
        #expect(try Self.entry().reopenedAfterAnnulledDeath(on: day) == nil)
    }
}
