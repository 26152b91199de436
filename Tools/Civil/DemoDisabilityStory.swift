import Contracts
import Foundation

/// Step 11b of the demo: the disability two subsidies in Assistance. A man with a grade-1
/// physical disability, not known to Assistance, applies for the nursing subsidy at his township
/// (the same one-door intake as 低保); the township reviews, the county approves; then the county
/// counts how far each subsidy reaches the disabled people Assistance knows (覆盖率, target 100%).
extension DemoScenario {
    func disabilityStory(assistance: URL, officers: DemoOfficers, today: CivilDate, jingtai: RegionCode, sequence: Int) async throws {
        say("11b. The disability two subsidies (残疾人两项补贴): a man with a grade-1 certificate applies for the nursing subsidy at his township")
        let month = today.yearMonth
        // Jingtai's amounts from this month (re-setting the same amount changes nothing).
        for (kind, fen) in [("living", 10_000), ("nursing", 10_000)] {
            try await expect(HTTP.put(assistance.appendingPathComponent("disability-subsidy-standards/620423"), bearer: officers.countyPolicy,
                                      json: ["kind": kind, "effectiveFrom": month.iso, "monthlyAmountFen": fen]), 200, 201)
        }
        let man = ResidentID.make(region: jingtai, birth: try CivilDate(year: 1979, month: 11, day: 2), sequence: (sequence + 7) % 1_000)
        let submitted = try await expect(HTTP.post(assistance.appendingPathComponent("disability-subsidy-applications"), bearer: officers.intake, json: [
            "idempotencyKey": "demo-disability-\(UUID().uuidString)", "intakeRegion": "620423100", "applicantResidentId": man.rawValue,
            "kind": "nursing", "certificate": ["type": "physical", "grade": 1],
            "household": ["area": "rural", "residence": [["basis": "household-registration", "region": "620423"]],
                          "members": [["residentId": man.rawValue, "relation": "applicant", "workCapacity": "none", "disabilityGrade": 1]]]]), 201)
        guard let id = submitted.json["applicationId"] as? String else { throw CivilError("no applicationId in \(submitted.text)") }
        report("   taken in at 一条山镇 (\(submitted.json["state"] ?? "?")); the county that decides: \(submitted.json["region"] ?? "?")")
        let steps = assistance.appendingPathComponent("disability-subsidy-applications/\(id)")
        try await expect(HTTP.post(steps.appendingPathComponent("township-review"), bearer: officers.intake,
                                   json: ["notes": "残疾人证原件已核：肢体一级；长期卧床"]), 200)
        let granted = try await expect(HTTP.post(steps.appendingPathComponent("approval"), bearer: officers.approver, json: [String: Any]()), 201)
        report("   township review, then county approval: \(granted.json["kind"] ?? "?") subsidy \(granted.json["basis"] ?? "?"), "
               + "\(granted.json["monthlyAmountFen"] ?? "?") fen a month from \(granted.json["firstMonth"] ?? "?")")

        say("11c. Coverage (覆盖率, target 100%) next month among the disabled people Assistance knows, published for the statistics")
        let count = try await expect(HTTP.post(assistance.appendingPathComponent("disability-subsidy-coverage-counts"), bearer: officers.finance,
                                               json: ["region": "620423", "month": month.next.iso]), 201)
        for program in count.json["programs"] as? [[String: Any]] ?? [] {
            let uncovered = program["uncovered"] as? [String] ?? []
            report("   \(program["program"] ?? "?"): \(program["covered"] ?? "?") of \(program["eligible"] ?? "?") covered; "
                   + "\(uncovered.count) to reach (应补尽补)")
        }
    }
}
