import Contracts
import Foundation
import Testing
import TestKit
@testable import ElderCareDomain

@Suite("Waiting list: priority and order", .tags(.unit))
struct WaitingListOrderTests {
    typealias F = ElderCareDomainFixture

    @Test("priority classes as seeds 002 L10 and 003 L14 state them", arguments: [
        (ApplicantCircumstances(categories: [.extremePoverty, .economicHardship], capability: .severe), PriorityClass.dependentExtremePoverty),
        (ApplicantCircumstances(categories: [.extremePoverty], capability: .mild), .dependentExtremePoverty),
        (ApplicantCircumstances(categories: [.extremePoverty], capability: .intact), .extremePoverty),
        (ApplicantCircumstances(categories: [.extremePoverty]), .extremePoverty),
        (ApplicantCircumstances(categories: [.specialFamily]), .priorityGroup),
        (ApplicantCircumstances(categories: [], specialContribution: true), .priorityGroup),
        (ApplicantCircumstances(categories: [.economicHardship, .emptyNest]), .priorityGroup),
        (ApplicantCircumstances(categories: [.economicHardship, .livingAlone]), .priorityGroup),
        (ApplicantCircumstances(categories: [.economicHardship, .leftBehind]), .priorityGroup),
        (ApplicantCircumstances(categories: [.economicHardship, .disabled]), .priorityGroup),
        (ApplicantCircumstances(categories: [.economicHardship, .dementia]), .priorityGroup),
        (ApplicantCircumstances(categories: [.economicHardship, .severelyDisabled]), .priorityGroup),
        (ApplicantCircumstances(categories: [.economicHardship], hasDisabilityCertificate: true), .priorityGroup),
        (ApplicantCircumstances(categories: [.economicHardship, .advancedAge]), .priorityGroup),
        (ApplicantCircumstances(categories: [.economicHardship], withoutFamily: true), .priorityGroup),
        (ApplicantCircumstances(categories: [.economicHardship]), .general),
        (ApplicantCircumstances(categories: [.emptyNest, .advancedAge, .disabled]), .general),
        (ApplicantCircumstances(categories: []), .general),
    ])
    func classes(_ circumstances: ApplicantCircumstances, _ expected: PriorityClass) {
        #expect(PriorityClass(circumstances) == expected)
    }

    static func candidate(_ n: Int, _ applied: String, hour: Int = 9, _ priority: PriorityClass) throws -> WaitingListOrder.Candidate {
        WaitingListOrder.Candidate(person: try F.person(n), appliedAt: try F.instant(applied, hour: hour), priority: priority)
    }

    @Test("by class, then by application time, then by person reference")
    func order() throws {
        let candidates = [
            try Self.candidate(1, "2024-01-05", .general),
            try Self.candidate(2, "2025-02-01", .priorityGroup),
            try Self.candidate(3, "2025-03-01", .dependentExtremePoverty),
            try Self.candidate(4, "2024-06-01", .priorityGroup),
            try Self.candidate(5, "2025-01-01", .extremePoverty),
            try Self.candidate(7, "2024-06-01", .priorityGroup),
            try Self.candidate(6, "2024-06-01", .priorityGroup),
            try Self.candidate(8, "2024-06-01", hour: 8, .priorityGroup),
        ]
        #expect(WaitingListOrder.ordered(candidates).map(\.person) == (try [3, 5, 8, 4, 6, 7, 2, 1].map(F.person)))
        #expect(WaitingListOrder.next(candidates)?.person == (try F.person(3)))
        #expect(WaitingListOrder.position(of: try F.person(2), in: candidates) == 7)
        #expect(WaitingListOrder.position(of: try F.person(99), in: candidates) == nil)
        #expect(WaitingListOrder.next([]) == nil)
        // The order does not depend on the input's order.
        #expect(WaitingListOrder.ordered(candidates.reversed()) == WaitingListOrder.ordered(candidates))
    }

    @Test("a person who becomes 特困 while waiting moves ahead of earlier applicants")
    func becomesExtremePoverty() throws {
        let early = try WaitingListEntry(applicant: try F.id(born: "1940-01-01", sequence: 11), person: try F.person(1),
                                         appliedAt: try F.instant("2024-01-01"))
        let late = try WaitingListEntry(applicant: try F.id(born: "1950-01-01", sequence: 13), person: try F.person(2),
                                        appliedAt: try F.instant("2025-01-01"))
        let before = [
            WaitingListOrder.Candidate(early, circumstances: ApplicantCircumstances(categories: [.economicHardship, .advancedAge])),
            WaitingListOrder.Candidate(late, circumstances: ApplicantCircumstances(categories: [.economicHardship])),
        ]
        #expect(WaitingListOrder.next(before)?.person == (try F.person(1)))
        let after = [
            before[0],
            WaitingListOrder.Candidate(late, circumstances: ApplicantCircumstances(categories: [.extremePoverty, .economicHardship],
                                                                                    capability: .moderate)),
        ]
        #expect(WaitingListOrder.next(after)?.person == (try F.person(2)))
        #expect(after[1].priority == .dependentExtremePoverty)
    }

    @Test("class names and ranks")
    func names() {
        #expect(PriorityClass.allCases.map(\.name) == ["dependent-extreme-poverty", "extreme-poverty", "priority-group", "general"])
        #expect(PriorityClass.allCases.sorted() == PriorityClass.allCases)
    }
}
