import AssistanceDomain
import Contracts
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport
@testable import Assistance

/// The employment-cost deduction (扣减必要的就业成本) on the real service: seed 003 (《景泰县“十四五”民政事业
/// 发展规划》第三章（一）1, line 13) names "有劳动能力的农村低保对象", so by default only rural households'
/// documented costs are deducted; `ASSISTANCE_EMPLOYMENT_COST_AREAS` widens it.
@Suite("Assistance employment-cost deduction", .tags(.postgres, .kafka, .slow), .serialized)
struct EmploymentCostTests {
    let urbanWorker: ResidentID
    let ruralWorker: ResidentID

    init() throws {
        urbanWorker = try AssistanceHarness.resident(born: "1983-02-14", sequence: 131)
        ruralWorker = try AssistanceHarness.resident(born: "1981-07-19", sequence: 143)
    }

    /// Applies for the household of one working member (wages and documented costs) and verifies it;
    /// returns the verification summary.
    func verified(_ context: AssistanceHarness.Context, key: String, area: String, person: ResidentID, wagesFen: Int64,
                  costsFen: Int64) async throws -> [String: Any] {
        let worker = Caseworker(context: context)
        let application = try await worker.apply(worker.applicationJSON(
            key: key, area: area, members: [.init(id: person, wagesFen: wagesFen, employmentCostsFen: costsFen)]))
        let response = try await context.client.post("/applications/\(application)/verification", json: "")
        #expect(response.status == .ok, "\(response.text)")
        return try #require(try response.json()["verification"] as? [String: Any])
    }

    @Test func aRuralWorkersCostsAreDeductedAndAnUrbanWorkersAreNotByDefault() async throws {
        try await AssistanceHarness.with(today: "2026-03-02") { context in
            try await Caseworker(context: context).publishJingtai2020()
            // Urban: 600 in wages with 100 in costs counts as 600, not below 577.
            let urban = try await verified(context, key: "urban-worker", area: "urban", person: urbanWorker, wagesFen: 60_000, costsFen: 10_000)
            #expect(urban["countableIncomeFen"] as? Int == 60_000)
            #expect(urban["meetsMeansTest"] as? Bool == false)
            // Rural: 400 in wages with 100 in costs counts as 300, below 369.
            let rural = try await verified(context, key: "rural-worker", area: "rural", person: ruralWorker, wagesFen: 40_000, costsFen: 10_000)
            #expect(rural["countableIncomeFen"] as? Int == 30_000)
            #expect(rural["meetsMeansTest"] as? Bool == true)
        }
    }

    @Test func aCountyThatDeductsInBothAreasSaysSo() async throws {
        try await AssistanceHarness.with(today: "2026-03-02", policy: ["ASSISTANCE_EMPLOYMENT_COST_AREAS": "urban,rural"]) { context in
            try await Caseworker(context: context).publishJingtai2020()
            let urban = try await verified(context, key: "urban-worker", area: "urban", person: urbanWorker, wagesFen: 60_000, costsFen: 10_000)
            #expect(urban["countableIncomeFen"] as? Int == 50_000)
            #expect(urban["meetsMeansTest"] as? Bool == true)
        }
    }
}
