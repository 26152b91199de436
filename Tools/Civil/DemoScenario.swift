import Access
import ArgumentParser
import Contracts
import DevelopmentTokens
import Foundation
import ServiceCatalogue

/// `civil demo`: the demo scenario against the running local stack.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the demo scenario against the running local stack.")

    @Flag(inversion: .prefixedNo, help: "Load the Registry's, Assistance's and ElderCare's realistic seeds.")
    var seed = true

    func run() async throws {
        try await DemoScenario(stack: try LocalStack.current(), loadsSeeds: seed).run()
    }
}

/// The demo's story: one death recorded by the Registry crosses to the bureaus that must act on
/// it, exactly once, even when the report is sent twice; then an elderly man's 特困 support from
/// application to the recovery claim and free funeral his death brings; then an old woman living
/// alone in ElderCare, from registration to the allowance her death stops and the bed it frees.
///
/// Every run uses new people (the local PostgreSQL keeps its data between runs), so it can be run
/// again at any time.
struct DemoScenario {
    let stack: LocalStack
    var loadsSeeds = true

    func run() async throws {
        let registry = try url(.registry), assistance = try url(.assistance)
        let officers = try await DemoOfficers(issuer: DevelopmentTokenIssuer.localStack(root: stack.root))
        let today = CivilDate.today()
        // Jingtai County (620423); sequence numbers differ per run, odd for men.
        let jingtai = try RegionCode("620423")
        let sequence = Int(Date().timeIntervalSince1970) % 450 * 2 + 1
        let resident = ResidentID.make(region: jingtai, birth: try CivilDate(year: 1948, month: 5, day: 17), sequence: sequence)
        let key = "demo-death-\(UUID().uuidString)"
        let death: [String: Any] = ["residentId": resident.rawValue, "dateOfDeath": today.iso, "region": "620423",
                                    "source": "hospital", "idempotencyKey": key]

        say("1. Registry records a death (hospital certificate) for resident \(resident.masked)")
        let recorded = try await expect(HTTP.post(registry.appendingPathComponent("deaths"), bearer: officers.registrar, json: death), 201)
        guard let person = recorded.json["personRef"] as? String, let recordID = recorded.json["recordId"] as? String else {
            throw CivilError("no personRef or recordId in \(recorded.text)")
        }

        say("2. The same report arrives again (a retry): no second record")
        try await expect(HTTP.post(registry.appendingPathComponent("deaths"), bearer: officers.registrar, json: death), 200, 201)

        say("3. A report with a mistyped ID number is refused with a problem document")
        var mistyped = death
        mistyped["residentId"] = String(resident.rawValue.prefix(17)) + (resident.rawValue.hasSuffix("0") ? "1" : "0")
        mistyped["idempotencyKey"] = "bad-\(key)"
        try await expect(HTTP.post(registry.appendingPathComponent("deaths"), bearer: officers.registrar, json: mistyped), 400)

        say("3b. Access control: no token is 401, another county's registrar is 403, and neither writes anything")
        try await expect(HTTP.post(registry.appendingPathComponent("deaths"), bearer: nil, json: death), 401)
        try await expect(HTTP.get(registry.appendingPathComponent("deaths/\(recordID)"), bearer: officers.registrarElsewhere), 403)

        say("4. The event travels: outbox -> relay -> Kafka (civil.registry.events) -> each bureau's inbox")
        report("   Only the person ref travels: \(person)")
        for domain in [Domain.assistance, .eldercare, .childprotection] {
            var components = URLComponents(url: try url(domain).appendingPathComponent("life-events"), resolvingAgainstBaseURL: false)
            components?.queryItems = [URLQueryItem(name: "person", value: person)]
            guard let journal = components?.url else { throw CivilError("bad journal URL") }
            let items = try await eventually { try await (HTTP.get(journal, bearer: officers.auditor).json["items"] as? [Any]) ?? [] } until: { !$0.isEmpty }
            guard items.count == 1 else { throw CivilError("\(domain.rawValue): expected exactly 1 life event, found \(items.count)") }
            report("   \(domain.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)) received it exactly once")
        }

        say("5. What the platform measured (Prometheus /metrics)")
        for (service, prefix) in [(registry, "outbox_published_total"), (assistance, "inbox_events_total")] {
            let metrics = try await HTTP.get(service.appendingPathComponent("metrics")).text
            for line in metrics.split(separator: "\n") where line.hasPrefix(prefix) { report("   \(line)") }
        }

        say("6. Marriage registration: a couple marries, a second marriage is refused, the certificate verifies")
        let man = ResidentID.make(region: jingtai, birth: try CivilDate(year: 1996, month: 3, day: 12), sequence: sequence)
        let woman = ResidentID.make(region: jingtai, birth: try CivilDate(year: 1998, month: 7, day: 4), sequence: (sequence + 1) % 1000)
        var registration: [String: Any] = ["partyA": man.rawValue, "partyB": woman.rawValue, "office": "620423-01", "declaredKinship": "unrelated"]
        var officeDay = URLComponents(url: registry.appendingPathComponent("offices/620423-01/appointments"), resolvingAgainstBaseURL: false)
        officeDay?.queryItems = [URLQueryItem(name: "date", value: today.iso)]
        if let url = officeDay?.url, try await HTTP.get(url, bearer: officers.registrar).json["peakDay"] as? Bool == true {
            report("   today is a peak day (5·20, 七夕, …): the couple books a slot first")
            let booking = try await expect(HTTP.post(registry.appendingPathComponent("appointments"), bearer: officers.registrar, json: [
                "office": "620423-01", "date": today.iso, "slot": "16:00", "residentId": man.rawValue]), 201)
            registration["appointmentId"] = booking.json["appointmentId"]
        }
        let marriage = try await expect(HTTP.post(registry.appendingPathComponent("marriages"), bearer: officers.registrar, json: registration), 201)
        let other = ResidentID.make(region: jingtai, birth: try CivilDate(year: 1999, month: 1, day: 1), sequence: (sequence + 3) % 1000)
        report("   a second marriage for the same man is refused:")
        try await expect(HTTP.post(registry.appendingPathComponent("marriages"), bearer: officers.registrar, json: [
            "partyA": man.rawValue, "partyB": other.rawValue, "office": "620423-01", "declaredKinship": "unrelated"]), 409, 422)
        if let certificate = marriage.json["certificateNumber"] as? String, let id = marriage.json["marriageId"] as? String {
            report("   certificate \(certificate):")
            try await expect(HTTP.get(registry.appendingPathComponent("certificates/\(certificate)"), bearer: officers.registrar), 200)
            report("   they apply for a divorce by agreement (30-day cooling-off, then a 30-day window):")
            try await expect(HTTP.post(registry.appendingPathComponent("marriages/\(id)/divorce-applications"), bearer: officers.registrar, json: [String: Any]()), 201)
        }

        if loadsSeeds {
            say("7. A realistic year for Jingtai County (registry seed): marriages, divorces, reissues, adoptions, deaths")
            try await seed(.registry, ["--year", "2025"], loadedWhen: registry.appendingPathComponent("marriages"),
                           query: ["office": "620423-01", "date": "2025-06-03"], bearer: officers.registrar) { $0.contains("marriageId") }
        }

        try await assistanceStory(registry: registry, assistance: assistance, officers: officers, today: today, jingtai: jingtai, sequence: sequence)

        if loadsSeeds {
            say("11. A Jingtai-sized county for Assistance (assistance seed): 低保, 特困, rosters and temporary assistance")
            try await seed(.assistance, [], loadedWhen: assistance.appendingPathComponent("rosters"), query: ["region": "620423"], bearer: officers.finance) {
                $0.range(of: #""households":[0-9]{4}"#, options: .regularExpression) != nil
            }
        }
        try await disabilityStory(assistance: assistance, officers: officers, today: today, jingtai: jingtai, sequence: sequence)
        if loadsSeeds {
            say("12. A Jingtai-sized county for ElderCare (elder-care seed): the register, assessments, the 4 public institutions, the waiting list, allowance rosters")
            try await seed(.eldercare, [], loadedWhen: try url(.eldercare).appendingPathComponent("institutions"), query: ["region": "620423"],
                           bearer: officers.elderCaseworker) { $0.contains("景泰县社会福利院") }
        }
        try await elderCareStory(registry: registry, officers: officers, today: today, jingtai: jingtai, sequence: sequence)
        try await extremePovertyPlacement(assistance: assistance, officers: officers, today: today, jingtai: jingtai, sequence: sequence)
        say("Done: the death crossed from Registry to Assistance and ElderCare exactly once: benefit suspended, overpayment claimed, funeral granted; the allowance stopped and her place given up; a 特困 grant offered a bed.")
    }

    /// Steps 8–10: an application through approval, monthly rosters, and the death reported late.
    private func assistanceStory(registry: URL, assistance: URL, officers: DemoOfficers, today: CivilDate, jingtai: RegionCode,
                                 sequence: Int) async throws {
        say("8. Social assistance (Assistance): an elderly man applies for 特困 support at his township (一门受理)")
        func day(_ ago: Int) -> String { today.adding(days: -ago).iso }
        // Jingtai County's 2020 standards (urban 低保 577 yuan a month; 特困 9,012 yuan a year); publishing again replaces them.
        try await expect(HTTP.post(assistance.appendingPathComponent("standards"), bearer: officers.policy, json: [
            "region": "620423", "year": 2020, "area": "urban", "minimumLivingAllowanceFen": 57_700, "extremePovertyBasicAnnualFen": 901_200]), 200, 201)
        try await expect(HTTP.post(assistance.appendingPathComponent("standards"), bearer: officers.policy, json: [
            "region": "620423", "year": 2020, "area": "rural", "minimumLivingAllowanceAnnualFen": 442_800, "extremePovertyBasicAnnualFen": 636_000]), 200, 201)
        let elder = ResidentID.make(region: jingtai, birth: try CivilDate(year: 1942, month: 9, day: 9), sequence: sequence)
        report("   The application was taken four months ago; each step is recorded with the day it happened.")
        let application = try await expect(HTTP.post(assistance.appendingPathComponent("applications"), bearer: officers.intake, json: [
            "idempotencyKey": "demo-tk-\(UUID().uuidString)", "program": "extreme-poverty", "intakeRegion": "620423100",
            "applicantResidentId": elder.rawValue, "authorisationSigned": true, "submittedOn": day(120), "selfCareAbility": "partially-dependent",
            "household": ["area": "urban", "residence": [["basis": "household-registration", "region": "620423"]],
                          "members": [["residentId": elder.rawValue, "relation": "applicant", "workCapacity": "none"]]]]), 201)
        guard let applicationID = application.json["applicationId"] as? String else { throw CivilError("no applicationId in \(application.text)") }
        let steps = assistance.appendingPathComponent("applications/\(applicationID)")
        report("   economic verification (核对), home visit, 7-day public notice (公示), county approval:")
        try await expect(HTTP.post(steps.appendingPathComponent("verification"), bearer: officers.intake, json: ["on": day(118)]), 200)
        try await expect(HTTP.post(steps.appendingPathComponent("home-visit"), bearer: officers.intake, json: [
            "visitor": "一条山镇社工", "notes": "独居，行动不便，无赡养人", "on": day(116)]), 200)
        try await expect(HTTP.post(steps.appendingPathComponent("public-notice"), bearer: officers.intake, json: ["on": day(115)]), 200)
        let approval = try await expect(HTTP.post(steps.appendingPathComponent("approval"), bearer: officers.approver, json: ["authority": "county", "on": day(105)]), 200)
        guard let caseID = (approval.json["caseIds"] as? [String])?.first else { throw CivilError("approval opened no case: \(approval.text)") }

        say("9. Monthly payment rosters (发放清册) from the first month of the benefit to this month; a re-run pays nobody twice")
        var month = today.adding(days: -105).yearMonth.next
        while month <= today.yearMonth {
            let roster = try await expect(HTTP.post(assistance.appendingPathComponent("rosters"), bearer: officers.finance, json: ["region": "620423", "month": month.iso]), 200, 201)
            report("   \(month.iso): households \(roster.json["households"] ?? "?"), total \(roster.json["totalFen"] ?? "?") fen")
            month = month.next
        }
        let rerun = try await expect(HTTP.post(assistance.appendingPathComponent("rosters"), bearer: officers.finance, json: ["region": "620423", "month": today.yearMonth.iso]), 200, 201)
        report("   re-run of \(today.yearMonth.iso): households \(rerun.json["households"] ?? "?")")

        say("10. He died \(day(40)); the hospital reports it only now. Registry records the death...")
        let death = try await expect(HTTP.post(registry.appendingPathComponent("deaths"), bearer: officers.registrar, json: [
            "residentId": elder.rawValue, "dateOfDeath": day(40), "region": "620423", "source": "hospital",
            "idempotencyKey": "demo-elder-\(UUID().uuidString)"]), 201)
        guard let record = death.json["recordId"] as? String else { throw CivilError("no recordId in \(death.text)") }
        report("   ...and Assistance suspends the benefit from the month after the death, with a recovery claim for months already paid:")
        let theCase = try await eventually { try await HTTP.get(assistance.appendingPathComponent("cases/\(caseID)"), bearer: officers.approver).json } until: {
            $0["status"] as? String == "suspended"
        }
        guard theCase["status"] as? String == "suspended" else { throw CivilError("the case was not suspended: \(theCase)") }
        report("   status suspended from \(theCase["suspendedFrom"] ?? "?")")
        for claim in theCase["recoveryClaims"] as? [[String: Any]] ?? [] {
            report("   recovery claim: months \(claim["months"] ?? "?"), \(claim["amountFen"] ?? "?") fen, \(claim["status"] ?? "?")")
        }
        report("   the free basic funeral (惠民殡葬) of a 特困 recipient, free if he is cremated (死亡后实行火化):")
        let subsidy = registry.appendingPathComponent("deaths/\(record)/funeral-subsidy")
        let pending = try await eventually { try await HTTP.get(subsidy, bearer: officers.registrar).json } until: { $0["basis"] != nil }
        guard pending["basis"] as? String == "extreme-poverty" else { throw CivilError("no free basic funeral: \(pending)") }
        report("   basis \(pending["basis"] ?? "?"), total \(pending["total"] ?? "?"), status \(pending["status"] ?? "?")")
        report("   the funeral home records the cremation; the grant becomes payable:")
        try await expect(HTTP.post(registry.appendingPathComponent("deaths/\(record)/funeral-services"), bearer: officers.registrar, json: [
            "service": "cremation", "performedOn": day(38), "cremationCertificateNumber": "HZ-DEMO-\(sequence)"]), 201)
        let grant = try await expect(HTTP.get(subsidy, bearer: officers.registrar), 200).json
        guard grant["status"] as? String == "granted" else { throw CivilError("the cremation did not grant the funeral: \(grant)") }
        report("   status \(grant["status"] ?? "?"), granted on \(grant["grantedOn"] ?? "?"), cremated on \(grant["crematedOn"] ?? "?")")

        report("   the city's auditor reads Assistance's audit log for him: every officer who wrote or read his data")
        var components = URLComponents(url: assistance.appendingPathComponent("audit-log"), resolvingAgainstBaseURL: false)
        components?.queryItems = [URLQueryItem(name: "person", value: elder.rawValue)]
        guard let auditURL = components?.url else { throw CivilError("bad audit-log URL") }
        let audit = try await expect(HTTP.get(auditURL, bearer: officers.auditor), 200)
        for row in audit.json["items"] as? [[String: Any]] ?? [] {
            report("   #\(row["sequence"] ?? "?") \(row["subject"] ?? "?") \(row["method"] ?? "?") \(row["route"] ?? "?") -> \(row["status"] ?? "?")")
        }
    }

    // MARK: Helpers

    func url(_ domain: Domain) throws -> URL {
        guard let entry = ServiceCatalogue.entry(for: domain) else { throw CivilError("\(domain.rawValue) is not in the catalogue") }
        return try stack.url(of: entry)
    }

    func say(_ text: String) { report("\n\u{1B}[1m\(text)\u{1B}[0m") }

    /// Prints the reply's status and fails the scenario when it is not one of `statuses`.
    @discardableResult
    func expect(_ reply: HTTP.Reply, _ statuses: Int...) throws -> HTTP.Reply {
        report("  -> HTTP \(reply.status)")
        guard statuses.contains(reply.status) else { throw CivilError("expected HTTP \(statuses), got \(reply.status): \(reply.text)") }
        return reply
    }

    func eventually<Value>(_ probe: () async throws -> Value, until done: (Value) -> Bool) async throws -> Value {
        var value = try await probe()
        for _ in 0..<60 where !done(value) {
            try await Task.sleep(for: .milliseconds(500))
            value = try await probe()
        }
        return value
    }

    /// Runs a service's seed unless `probe` shows it was loaded by an earlier run.
    func seed(_ domain: Domain, _ arguments: [String], loadedWhen probe: URL, query: [String: String], bearer: String,
                      loaded: (String) -> Bool) async throws {
        var components = URLComponents(url: probe, resolvingAgainstBaseURL: false)
        components?.queryItems = query.map { URLQueryItem(name: $0.key, value: $0.value) }
        if let url = components?.url, loaded(try await HTTP.get(url, bearer: bearer).text) {
            report("   already loaded (PostgreSQL data is kept between demo runs)")
            return
        }
        guard let entry = ServiceCatalogue.entry(for: domain), let bootstrap = Broker.bootstrap(stack) else {
            throw CivilError("the local stack is not running")
        }
        let status = try Tool.run(stack.binaries.appendingPathComponent(entry.executable), ["seed"] + arguments,
                                  environment: stack.serviceEnvironment(for: entry, bootstrap: bootstrap))
        guard status == 0 else { throw CivilError("\(entry.executable) seed exited with \(status)") }
    }
}
