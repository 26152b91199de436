import Contracts
import Foundation

/// Steps 13–17 of the demo: an 81-year-old woman living alone in 一条山镇 through ElderCare —
/// registered with her category, assessed, visited, paid the advanced-age allowance, placed from the
/// waiting list when she is first in the queue — and what her death, recorded by the Registry,
/// does there: the allowance stops, her bed (or her place in the queue) is given up.
extension DemoScenario {
    func elderCareStory(registry: URL, officers: DemoOfficers, today: CivilDate, jingtai: RegionCode, sequence: Int) async throws {
        let eldercare = try url(.eldercare)
        func day(_ ago: Int) -> String { today.adding(days: -ago).iso }
        // 81 today; an even sequence: a woman.
        let birth = try CivilDate(year: today.year - 81, month: 1, day: 15)
        let woman = ResidentID.make(region: jingtai, birth: birth, sequence: (sequence + 5) % 1_000)

        say("13. ElderCare: an 81-year-old woman living alone in 一条山镇 is entered in the elder register (老年人信息台账)")
        let registered = try await expect(HTTP.post(eldercare.appendingPathComponent("elders"), bearer: officers.elderCaseworker, json: [
            "residentId": woman.rawValue, "name": "王秀英", "address": "景泰县一条山镇城北社区12号", "phone": "13909430000",
            "contacts": [["name": "李建国", "relation": "儿子（在兰州务工）", "phone": "13919310000"]],
            "region": "620423100", "registeredOn": day(90)]), 201)
        guard let person = registered.json["personRef"] as? String else { throw CivilError("no personRef in \(registered.text)") }
        report("   \(person), age \(registered.json["age"] ?? "?"), categories derived: \(categories(registered.json))")
        report("   the caseworker records 独居 (living alone) with the home visit that found it:")
        try await expect(HTTP.post(eldercare.appendingPathComponent("elders/\(person)/categories"), bearer: officers.elderCaseworker, json: [
            "category": "living-alone", "effectiveFrom": day(90),
            "evidence": ["kind": "home-visit", "reference": "一条山镇城北社区入户登记表"]]), 201)

        say("14. A capability assessment (GB/T 42195-2022): self-care and mobility reduced, mind intact")
        let assessed = try await expect(HTTP.post(eldercare.appendingPathComponent("assessments"), bearer: officers.assessor, json: [
            "residentId": woman.rawValue, "region": "620423100", "assessedOn": day(85), "items": Self.moderatelyDependent]), 201)
        report("   total \(assessed.json["total"] ?? "?") of 90: \(assessed.json["level"] ?? "?") (中度失能)")
        guard assessed.json["level"] as? String == "moderate" else { throw CivilError("expected moderate (中度失能): \(assessed.text)") }
        let elder = try await expect(HTTP.get(eldercare.appendingPathComponent("elders/\(person)"), bearer: officers.elderCaseworker), 200)
        report("   her categories now: \(categories(elder.json))")

        say("15. The township's visitor calls on her (探访关爱)")
        let visit = try await HTTP.post(eldercare.appendingPathComponent("elders/\(person)/visits"), bearer: officers.visitor, json: [
            "visitedOn": day(80), "mode": "in-person", "findings": "独居，腿脚不便，屋内取暖正常，存粮充足", "riskFlags": ["health"]])
        if visit.status == 404, !visit.text.contains("elder.") {
            report("  -> HTTP 404: this build has no visits route yet (it arrives with the visits work)")
        } else {
            try expect(visit, 201)
            report("   follow-ups opened for the flags: \((visit.json["followUps"] as? [Any])?.count ?? 0)")
        }

        let lastMonth = today.yearMonth.adding(months: -1), thisMonth = today.yearMonth
        say("16. The advanced-age allowance (高龄津贴): the county's tiers (assumed amounts), then the monthly rosters")
        let standard = try await expect(HTTP.post(eldercare.appendingPathComponent("allowance-standards"), bearer: officers.countyPolicy, json: [
            "region": "620423", "effectiveFrom": lastMonth.iso,
            "tiers": [["minimumAge": 80, "monthlyAmountFen": 10_000], ["minimumAge": 90, "monthlyAmountFen": 20_000],
                      ["minimumAge": 100, "monthlyAmountFen": 50_000]]]), 200, 201, 409)
        if standard.status == 409 { report("   (an earlier run's roster paid \(lastMonth.iso) already: the standard in force stays)") }
        for month in [lastMonth, thisMonth] {
            let roster = try await expect(HTTP.post(eldercare.appendingPathComponent("allowance-rosters"), bearer: officers.finance,
                                                    json: ["region": "620423", "month": month.iso]), 200, 201)
            report("   \(month.iso): paid \(roster.json["paid"] ?? "?") elders, \(roster.json["totalFen"] ?? "?") fen, granted \(roster.json["granted"] ?? "?")")
        }
        let rerun = try await expect(HTTP.post(eldercare.appendingPathComponent("allowance-rosters"), bearer: officers.finance,
                                               json: ["region": "620423", "month": thisMonth.iso]), 200, 201)
        report("   re-run of \(thisMonth.iso): paid \(rerun.json["paid"] ?? "?") (nobody twice)")

        say("17. She applies for a bed in a public institution (公建养老机构入住轮候); assessed, she is queued at once")
        let entry = try await expect(HTTP.post(eldercare.appendingPathComponent("waiting-list"), bearer: officers.elderCaseworker, json: [
            "residentId": woman.rawValue, "region": "620423100", "circumstances": ["categories": ["living-alone"]]]), 201)
        guard let entryID = entry.json["entryId"] as? String else { throw CivilError("no entryId in \(entry.text)") }
        report("   state \(entry.json["state"] ?? "?"), priority \(entry.json["priority"] ?? "?")")
        let home = try await publicHomeWithGeneralBed(eldercare, officers: officers, today: today, jingtai: jingtai)
        let offer = try await expect(HTTP.post(eldercare.appendingPathComponent("waiting-list/\(entryID)/offer"), bearer: officers.elderCaseworker,
                                               json: ["institutionId": home, "bedType": "general"]), 200, 409)
        var placed = false
        if offer.status == 200 {
            report("   first in Jingtai's queue: offered a general bed, and admitted")
            try await expect(HTTP.post(eldercare.appendingPathComponent("waiting-list/\(entryID)/admission"), bearer: officers.elderCaseworker,
                                       json: [String: Any]()), 200)
            placed = true
        } else {
            report("   \(offer.json["code"] ?? "refused"): others wait before her in Jingtai's queue (the seed's applicants); she stays queued")
        }

        say("18. She dies today; the Registry records it, and ElderCare stops her allowance and gives up her place")
        try await expect(HTTP.post(registry.appendingPathComponent("deaths"), bearer: officers.registrar, json: [
            "residentId": woman.rawValue, "dateOfDeath": today.iso, "region": "620423", "source": "hospital",
            "idempotencyKey": "demo-eldercare-\(UUID().uuidString)"]), 201)
        let after = try await eventually { try await HTTP.get(eldercare.appendingPathComponent("elders/\(person)"), bearer: officers.elderCaseworker).json } until: {
            $0["status"] as? String == "deceased"
        }
        guard after["status"] as? String == "deceased" else { throw CivilError("ElderCare did not learn of the death: \(after)") }
        report("   register: status \(after["status"] ?? "?"), died \(after["dateOfDeath"] ?? "?")")
        let expected = placed ? "discharged" : "removed"
        let waiting = try await eventually {
            try await HTTP.get(eldercare.appendingPathComponent("waiting-list/\(entryID)"), bearer: officers.elderCaseworker).json
        } until: { $0["state"] as? String == expected }
        guard waiting["state"] as? String == expected else { throw CivilError("the waiting-list entry is not \(expected): \(waiting)") }
        report("   waiting list: \(waiting["state"] ?? "?")\(placed ? " (the bed is free again)" : " (off the queue)")")
        var components = URLComponents(url: eldercare.appendingPathComponent("allowance-recovery-claims"), resolvingAgainstBaseURL: false)
        components?.queryItems = [URLQueryItem(name: "region", value: "620423")]
        guard let claimsURL = components?.url else { throw CivilError("bad recovery-claims URL") }
        let claims = try await expect(HTTP.get(claimsURL, bearer: officers.finance), 200)
        let hers = (claims.json["claims"] as? [[String: Any]] ?? []).filter { $0["personRef"] as? String == person }
        report("   allowance: paid through \(thisMonth.iso), the month she died; stopped from \(thisMonth.next.iso); recovery claims: \(hers.count)")
        guard hers.isEmpty else { throw CivilError("no month after her death was paid, yet a recovery claim: \(hers)") }
    }

    /// Step 19: Assistance grants 特困 support to a 70-year-old man in ElderCare's register; ElderCare
    /// reacts to `benefit-granted` with a waiting-list application and a bed offered for centralised
    /// support (集中供养), ahead of the queue.
    func extremePovertyPlacement(assistance: URL, officers: DemoOfficers, today: CivilDate, jingtai: RegionCode, sequence: Int) async throws {
        let eldercare = try url(.eldercare)
        func day(_ ago: Int) -> String { today.adding(days: -ago).iso }
        let man = ResidentID.make(region: jingtai, birth: try CivilDate(year: today.year - 70, month: 3, day: 3), sequence: (sequence + 6) % 1_000)

        say("19. A 70-year-old man in the register, unable to care for himself alone, is granted 特困 support by Assistance")
        let registered = try await expect(HTTP.post(eldercare.appendingPathComponent("elders"), bearer: officers.elderCaseworker, json: [
            "residentId": man.rawValue, "name": "赵长生", "address": "景泰县一条山镇城北社区30号", "region": "620423100",
            "registeredOn": day(40)]), 201)
        guard let person = registered.json["personRef"] as? String else { throw CivilError("no personRef in \(registered.text)") }
        try await expect(HTTP.post(eldercare.appendingPathComponent("assessments"), bearer: officers.assessor, json: [
            "residentId": man.rawValue, "region": "620423100", "assessedOn": day(35), "items": Self.moderatelyDependent]), 201)
        let application = try await expect(HTTP.post(assistance.appendingPathComponent("applications"), bearer: officers.intake, json: [
            "idempotencyKey": "demo-tk70-\(UUID().uuidString)", "program": "extreme-poverty", "intakeRegion": "620423100",
            "applicantResidentId": man.rawValue, "authorisationSigned": true, "submittedOn": day(30), "selfCareAbility": "partially-dependent",
            "household": ["area": "urban", "residence": [["basis": "household-registration", "region": "620423"]],
                          "members": [["residentId": man.rawValue, "relation": "applicant", "workCapacity": "none"]]]]), 201)
        guard let applicationID = application.json["applicationId"] as? String else { throw CivilError("no applicationId in \(application.text)") }
        let steps = assistance.appendingPathComponent("applications/\(applicationID)")
        try await expect(HTTP.post(steps.appendingPathComponent("verification"), bearer: officers.intake, json: ["on": day(28)]), 200)
        try await expect(HTTP.post(steps.appendingPathComponent("home-visit"), bearer: officers.intake, json: [
            "visitor": "一条山镇社工", "notes": "独居，无赡养人，生活部分不能自理", "on": day(26)]), 200)
        try await expect(HTTP.post(steps.appendingPathComponent("public-notice"), bearer: officers.intake, json: ["on": day(25)]), 200)
        try await expect(HTTP.post(steps.appendingPathComponent("approval"), bearer: officers.approver, json: ["authority": "county", "on": day(15)]), 200)
        report("   ElderCare hears of the grant (benefit-granted) and offers him a bed for centralised support (集中供养):")
        var components = URLComponents(url: eldercare.appendingPathComponent("waiting-list"), resolvingAgainstBaseURL: false)
        components?.queryItems = [URLQueryItem(name: "region", value: "620423")]
        guard let listURL = components?.url else { throw CivilError("bad waiting-list URL") }
        let entry = try await eventually {
            let entries = try await HTTP.get(listURL, bearer: officers.elderCaseworker).json["entries"] as? [[String: Any]] ?? []
            return entries.first { $0["personRef"] as? String == person } ?? [:]
        } until: { $0["state"] as? String == "offered" }
        guard entry["state"] as? String == "offered", entry["centralisedSupport"] as? Bool == true else {
            throw CivilError("no centralised-support offer for \(person): \(entry)")
        }
        report("   state \(entry["state"] ?? "?"), priority \(entry["priority"] ?? "?"), a \(entry["bedType"] ?? "?") bed, centralised support")
    }

    /// 中度失能 (46–65): self-care and mobility low, mental state intact, perception reduced; 52 in all.
    static let moderatelyDependent: [String: Int] = [
        "B.1.1": 1, "B.1.2": 1, "B.1.3": 1, "B.1.4": 1, "B.1.5": 1, "B.1.6": 1, "B.1.7": 1, "B.1.8": 1,
        "B.2.1": 2, "B.2.2": 2, "B.2.3": 2, "B.2.4": 1,
        "B.3.1": 4, "B.3.2": 4, "B.3.3": 4, "B.3.4": 4, "B.3.5": 4, "B.3.6": 4, "B.3.7": 1, "B.3.8": 1, "B.3.9": 2,
        "B.4.1": 2, "B.4.2": 1, "B.4.3": 2, "B.4.4": 1, "B.4.5": 3,
    ]

    private func categories(_ json: [String: Any]) -> String {
        let names = (json["categories"] as? [[String: Any]] ?? []).compactMap { $0["category"] as? String }
        return names.isEmpty ? "none" : names.joined(separator: ", ")
    }

    /// A public institution of Jingtai with a general bed free (the seed's), or one filed for the demo.
    private func publicHomeWithGeneralBed(_ eldercare: URL, officers: DemoOfficers, today: CivilDate, jingtai: RegionCode) async throws -> String {
        var components = URLComponents(url: eldercare.appendingPathComponent("institutions"), resolvingAgainstBaseURL: false)
        components?.queryItems = [URLQueryItem(name: "region", value: "620423")]
        guard let listURL = components?.url else { throw CivilError("bad institutions URL") }
        let list = try await expect(HTTP.get(listURL, bearer: officers.elderCaseworker), 200)
        for home in list.json["institutions"] as? [[String: Any]] ?? [] where home["ownership"] as? String == "public" && home["admissionsOpen"] as? Bool == true {
            let general = (home["beds"] as? [[String: Any]] ?? []).first { $0["type"] as? String == "general" }
            if let beds = general?["beds"] as? Int, let occupied = general?["occupied"] as? Int, occupied < beds, let id = home["institutionId"] as? String {
                report("   \(home["name"] ?? "?"): \(beds - occupied) general beds free")
                return id
            }
        }
        report("   no public bed free in Jingtai: the county files a 敬老院 for the demo")
        let code = try CreditCode.make(authority: "1", type: "2", region: jingtai, organisationCodeBase8: "43900599")
        let filed = try await expect(HTTP.post(eldercare.appendingPathComponent("institutions"), bearer: officers.elderCaseworker, json: [
            "name": "景泰县寺滩乡敬老院", "operatorCode": code.rawValue, "ownership": "public", "kind": "extreme-poverty-support",
            "region": "620423", "filedOn": today.adding(days: -30).iso]), 201)
        guard let id = filed.json["institutionId"] as? String else { throw CivilError("no institutionId in \(filed.text)") }
        try await expect(HTTP.put(eldercare.appendingPathComponent("institutions/\(id)/beds"), bearer: officers.elderCaseworker, json: [
            "nursing": ["beds": 20, "occupied": 6], "general": ["beds": 20, "occupied": 8], "changedOn": today.adding(days: -30).iso]), 200)
        return id
    }
}
