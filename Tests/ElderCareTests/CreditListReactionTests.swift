import Contracts
import ElderCareDomain
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport
@testable import ElderCare

/// SocialOrg's credit list and registrations on the real service: a serious-dishonesty listing
/// suspends new admissions to every institution of the operator, its end lifts it; delivered
/// twice, each event counts once.
@Suite("ElderCare and SocialOrg's credit list", .tags(.postgres, .kafka), .serialized)
struct CreditListReactionTests {
    typealias F = PlacementFixtures

    func admissionsOpen(_ id: String, _ context: ElderCareHarness.Context) async throws -> [String] {
        let body = try await F.caseworker(context).get("/institutions/\(id)").json()
        return (body["admissionsOpen"] as? Bool == true ? ["open"] : []) + (body["admissionRefusals"] as? [String] ?? [])
    }

    @Test func aListingSuspendsEveryInstitutionOfTheOperatorUntilItEnds() async throws {
        try await ElderCareHarness.with(today: "2026-03-02") { context in
            let operatorCode = try F.socialOrganisation()
            // 公建民营: a public home run by a social organisation, and a private one of the same operator.
            let home = try await F.institution(context, code: operatorCode, general: (10, 2))
            let other = try await F.institution(context, name: "康乐养老院", code: operatorCode, ownership: "private", kind: "care-home")
            let unrelated = try await F.institution(context, name: "一条山镇敬老院", code: try F.publicBody(), kind: "extreme-poverty-support")
            let elder = try ElderCareHarness.resident(born: "1940-02-02", sequence: 11)
            try await F.assess(elder, context)
            let entry = try await F.apply(elder, context)

            let listing = SeriousDishonestyListed(listingID: UUID(), creditCode: operatorCode, region: try RegionCode("620423"),
                                                  listedOn: try CivilDate(iso: "2026-03-01"), expiresOn: nil, reason: "第十九条")
            let listed = UUID()
            try await ElderCareHarness.publish(listing, id: listed, from: .socialorg, on: context.kafka)
            try await ElderCareHarness.publish(listing, id: listed, from: .socialorg, on: context.kafka)
            _ = try await ElderCareHarness.handled(listed, context)
            #expect(try await F.count("dishonesty_listings", context) == 1)
            #expect(try await admissionsOpen(home, context) == ["institution.operator-seriously-dishonest"])
            #expect(try await admissionsOpen(other, context) == ["institution.operator-seriously-dishonest"])
            #expect(try await admissionsOpen(unrelated, context) == ["open"])
            let refused = try await F.caseworker(context).post("/waiting-list/\(entry)/offer", json: F.offerJSON(home))
            #expect(refused.problemCode == "institution.operator-seriously-dishonest")
            #expect(try await ElderCareHarness.scalar("SELECT state FROM waiting_list", as: String.self, context.database) == "queued")

            let ended = UUID()
            let delisting = SeriousDishonestyDelisted(listingID: listing.listingID, creditCode: operatorCode,
                                                      delistedOn: try CivilDate(iso: "2026-03-02"), reason: .creditRepaired)
            try await ElderCareHarness.publish(delisting, id: ended, from: .socialorg, on: context.kafka)
            try await ElderCareHarness.publish(delisting, id: ended, from: .socialorg, on: context.kafka)
            _ = try await ElderCareHarness.handled(ended, context)
            #expect(try await admissionsOpen(home, context) == ["open"])
            let offered = try await F.caseworker(context).post("/waiting-list/\(entry)/offer", json: F.offerJSON(home))
            #expect(offered.status == .ok, "\(offered.text)")
        }
    }

    @Test func aRemovalArrivingBeforeItsListingLeavesTheOperatorOffTheList() async throws {
        try await ElderCareHarness.with(today: "2026-03-02") { context in
            let operatorCode = try F.socialOrganisation()
            let home = try await F.institution(context, code: operatorCode)
            let listingID = UUID()
            let delisted = UUID()
            try await ElderCareHarness.publish(
                SeriousDishonestyDelisted(listingID: listingID, creditCode: operatorCode, delistedOn: try CivilDate(iso: "2026-03-02"),
                                          reason: .revoked),
                id: delisted, from: .socialorg, on: context.kafka)
            _ = try await ElderCareHarness.handled(delisted, context)
            let listed = UUID()
            try await ElderCareHarness.publish(
                SeriousDishonestyListed(listingID: listingID, creditCode: operatorCode, region: try RegionCode("620423"),
                                        listedOn: try CivilDate(iso: "2026-03-01"), expiresOn: nil, reason: "第十九条"),
                id: listed, from: .socialorg, on: context.kafka)
            _ = try await ElderCareHarness.handled(listed, context)
            #expect(try await admissionsOpen(home, context) == ["open"])
        }
    }

    @Test func whereRegistrationIsRequiredOnlyRegisteredSocialOrganisationsAndPublicBodiesAdmit() async throws {
        try await ElderCareHarness.with(today: "2026-03-02", policy: ["ELDERCARE_REQUIRE_SOCIALORG_REGISTRATION": "true"]) { context in
            let operatorCode = try F.socialOrganisation()
            let home = try await F.institution(context, code: operatorCode)
            let state = try await F.institution(context, name: "一条山镇敬老院", code: try F.publicBody(), kind: "extreme-poverty-support")
            let firm = try await F.institution(context, name: "夕阳红养老院", code: try F.enterprise(), ownership: "private", kind: "care-home")
            #expect(try await admissionsOpen(home, context) == ["institution.operator-not-registered"])
            #expect(try await admissionsOpen(state, context) == ["open"])
            #expect(try await admissionsOpen(firm, context) == ["institution.operator-not-registered"])
            let registered = UUID()
            let registration = OrganisationRegistered(creditCode: operatorCode, name: "景泰县康乐养老服务中心", region: try RegionCode("620423"),
                                                      registeredOn: try CivilDate(iso: "2025-11-03"))
            try await ElderCareHarness.publish(registration, id: registered, from: .socialorg, on: context.kafka)
            try await ElderCareHarness.publish(registration, id: registered, from: .socialorg, on: context.kafka)
            _ = try await ElderCareHarness.handled(registered, context)
            #expect(try await admissionsOpen(home, context) == ["open"])
            let deregistered = UUID()
            try await ElderCareHarness.publish(OrganisationDeregistered(creditCode: operatorCode, deregisteredOn: try CivilDate(iso: "2026-03-01")),
                                               id: deregistered, from: .socialorg, on: context.kafka)
            _ = try await ElderCareHarness.handled(deregistered, context)
            #expect(try await admissionsOpen(home, context) == ["institution.operator-not-registered"])
        }
    }

    @Test func byDefaultASocialOrganisationCountsAsRegisteredAndAnEnterpriseDoesNot() async throws {
        try await ElderCareHarness.with(today: "2026-03-02") { context in
            let home = try await F.institution(context, code: try F.socialOrganisation())
            let firm = try await F.institution(context, name: "夕阳红养老院", code: try F.enterprise(), ownership: "private", kind: "care-home")
            #expect(try await admissionsOpen(home, context) == ["open"])
            #expect(try await admissionsOpen(firm, context) == ["institution.operator-not-registered"])
        }
    }
}
