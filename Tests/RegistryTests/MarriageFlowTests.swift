import Contracts
import Foundation
import HummingbirdTesting
import Messaging
import Testing
import TestKit
import TestSupport
@testable import Registry

@Suite("Marriage and divorce registration", .tags(.postgres, .kafka, .slow), .serialized)
struct MarriageFlowTests {
    /// Not a peak day.
    static func today() throws -> CivilDate { try CivilDate(iso: "2026-05-21") }
    let man: ResidentID
    let woman: ResidentID

    init() throws {
        man = try RegistryHarness.person(born: "1995-03-01", sequence: 11)
        woman = try RegistryHarness.person(born: "1997-08-09", sequence: 22)
    }

    /// The marriages `GET /marriages` lists for the office and day, by certificate number.
    func listed(_ client: any TestClientProtocol, date: String) async throws -> [String] {
        let response = try await client.get("/marriages?office=620423-01&date=\(date)")
        #expect(response.status == .ok)
        let items = try #require(try response.json()["items"] as? [[String: Any]])
        return items.compactMap { $0["certificateNumber"] as? String }
    }

    func marriageBody(_ a: ResidentID, _ b: ResidentID, kinship: String = "unrelated", office: String = "620423-01") -> String {
        #"{"partyA":"\#(a.rawValue)","partyB":"\#(b.rawValue)","office":"\#(office)","declaredKinship":"\#(kinship)"}"#
    }

    @Test func registersAndIssuesACertificate() async throws {
        try await RegistryHarness.with(today: Self.today()) { client, _ in
            let response = try await client.post("/marriages", json: marriageBody(man, woman))
            #expect(response.status == .created)
            let json = try response.json()
            let number = try #require(json["certificateNumber"] as? String)
            #expect(number == "J620423-01-2026-000001")
            let verify = try await client.get("/certificates/\(number)")
            #expect(verify.status == .ok)
            #expect(verify.text.contains(#""status":"valid""#))
            #expect(!verify.text.contains(man.rawValue))  // verification answers without personal data
            let status = try await client.get("/marital-status?residentId=\(man.rawValue)")
            #expect(status.text.contains(#""status":"married""#))
            #expect(try await listed(client, date: "2026-05-21") == ["J620423-01-2026-000001"])
        }
    }

    @Test func everyRefusalHasItsCodeAndWritesNothing() async throws {
        let youngMan = try RegistryHarness.person(born: "2004-05-22", sequence: 31)  // 22 tomorrow
        let otherWoman = try RegistryHarness.person(born: "1990-01-01", sequence: 42)
        try await RegistryHarness.with(today: Self.today()) { client, _ in
            let cases: [(String, String)] = [
                (marriageBody(youngMan, woman), "marriage.under-age"),
                (marriageBody(man, try RegistryHarness.person(born: "1990-01-01", sequence: 33)), "marriage.not-man-and-woman"),
                (marriageBody(man, woman, kinship: "collateral-3"), "marriage.prohibited-kinship"),
                (marriageBody(man, woman, kinship: "lineal"), "marriage.prohibited-kinship"),
                (marriageBody(man, woman, office: "620423-09"), "office.unknown"),
                (marriageBody(man, man), "marriage.same-person"),
                (#"{"partyA":"620423199503010110","partyB":"\#(woman.rawValue)","office":"620423-01","declaredKinship":"unrelated"}"#,
                 "resident-id.bad-check-digit"),
                (#"{"partyA":"\#(man.rawValue)"}"#, "request.invalid-body"),
            ]
            for (body, code) in cases {
                let response = try await client.post("/marriages", json: body)
                #expect(response.problemCode == code, "\(code): \(response.text)")
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            #expect(try await listed(client, date: "2026-05-21") == [])

            #expect(try await client.post("/marriages", json: marriageBody(man, woman)).status == .created)
            let bigamy = try await client.post("/marriages", json: marriageBody(man, otherWoman))
            #expect(bigamy.problemCode == "marriage.party-already-married")
        }
    }

    @Test func concurrentRegistrationsOfOnePersonMarryOnce() async throws {
        try await RegistryHarness.with(today: Self.today()) { client, _ in
            let brides = try (0..<8).map { try RegistryHarness.person(born: "1996-02-0\($0 + 1)", sequence: 100 + 2 * $0) }
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for bride in brides {
                    group.addTask { Int(try await client.post("/marriages", json: marriageBody(man, bride)).status.code) }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 201 }.count == 1)
            #expect(statuses.filter { $0 == 422 }.count == 7)
        }
    }

    @Test func divorceByAgreementKeepsItsWindows() async throws {
        try await RegistryHarness.with(today: Self.today()) { client, clock, kafka in
            let marriage = try await client.post("/marriages", json: marriageBody(man, woman)).json()
            let marriageID = try #require(marriage["marriageId"] as? String)
            let certificate = try #require(marriage["certificateNumber"] as? String)

            // Applied on D; withdrawn by one party during cooling-off.
            clock.set(try CivilDate(iso: "2026-06-01"))
            let first = try await client.post("/marriages/\(marriageID)/divorce-applications", json: "{}").json()
            let firstID = try #require(first["applicationId"] as? String)
            #expect(first["coolingOffLastDay"] as? String == "2026-07-01")
            clock.set(try CivilDate(iso: "2026-06-15"))
            let withdrawn = try await client.post("/divorce-applications/\(firstID)/withdraw", json: #"{"residentId":"\#(woman.rawValue)"}"#)
            #expect(withdrawn.text.contains(#""status":"withdrawn""#), "\(withdrawn.text)")

            // Applied again; registering on the last cooling-off day is refused, the next day it succeeds.
            let second = try await client.post("/marriages/\(marriageID)/divorce-applications", json: "{}").json()
            let secondID = try #require(second["applicationId"] as? String)
            #expect(try await client.post("/marriages/\(marriageID)/divorce-applications", json: "{}").problemCode == "divorce.application-open")
            clock.set(try CivilDate(iso: "2026-07-15"))  // D+30
            #expect(try await client.post("/divorce-applications/\(secondID)/register", json: "{}").problemCode == "divorce.cooling-off-not-over")
            clock.set(try CivilDate(iso: "2026-07-16"))  // D+31
            let registered = try await client.post("/divorce-applications/\(secondID)/register", json: "{}")
            #expect(registered.status == .ok, "\(registered.text)")
            let divorceNumber = try #require(try registered.json()["divorceCertificateNumber"] as? String)
            #expect(divorceNumber.hasPrefix("L620423-01-2026-"))
            // For the statistics: the office that registered it, and its region.
            let divorces = try await RegistryHarness.published(DivorceRegistered.eventType.rawValue, count: 1, kafka: kafka)
            let divorce = try #require(try divorces.first?.cloudEvent().decode(DivorceRegistered.self))
            #expect(divorce.certificateNumber == divorceNumber)
            #expect(divorce.office == "620423-01")
            #expect(divorce.region?.rawValue == "620423")

            #expect(try await client.get("/certificates/\(certificate)").text.contains(#""status":"revoked""#))
            #expect(try await client.get("/marital-status?residentId=\(man.rawValue)").text.contains(#""status":"divorced""#))
            // They may marry again, each other or someone else.
            #expect(try await client.post("/marriages", json: marriageBody(man, woman)).status == .created)
        }
    }

    @Test func anUnclaimedWindowCountsAsWithdrawn() async throws {
        try await RegistryHarness.with(today: Self.today()) { client, clock, kafka in
            let marriageID = try #require(try await client.post("/marriages", json: marriageBody(man, woman)).json()["marriageId"] as? String)
            clock.set(try CivilDate(iso: "2026-06-01"))
            let applicationID = try #require(try await client.post("/marriages/\(marriageID)/divorce-applications", json: "{}")
                .json()["applicationId"] as? String)
            clock.set(try CivilDate(iso: "2026-07-31"))  // D+60: last day of the window
            #expect(try await client.get("/divorce-applications/\(applicationID)").text.contains("awaiting-registration"))
            clock.set(try CivilDate(iso: "2026-08-01"))  // D+61
            #expect(try await client.get("/divorce-applications/\(applicationID)").text.contains(#""status":"withdrawn""#))
            #expect(try await client.post("/divorce-applications/\(applicationID)/register", json: "{}").problemCode
                    == "divorce.registration-window-expired")
            #expect(try await client.post("/marriages/\(marriageID)/divorce-applications", json: "{}").status == .created)
            // The expiry job has published the withdrawal for other bureaus.
            let withdrawals = try await RegistryHarness.published(DivorceWithdrawn.eventType.rawValue, count: 1, kafka: kafka,
                                                                  settle: .seconds(1))
            #expect(withdrawals.count == 1)
            let event = try #require(try withdrawals.first?.cloudEvent().decode(DivorceWithdrawn.self))
            #expect(event.reason == .expired)
            #expect(event.withdrawnOn.iso == "2026-08-01")
        }
    }

    @Test func reissueAndCourtJudgments() async throws {
        try await RegistryHarness.with(today: Self.today()) { client, _, kafka in
            let marriage = try await client.post("/marriages", json: marriageBody(man, woman)).json()
            let marriageID = try #require(marriage["marriageId"] as? String)
            let original = try #require(marriage["certificateNumber"] as? String)
            let stranger = try RegistryHarness.person(born: "1980-01-01", sequence: 51)
            #expect(try await client.post("/certificates/\(original)/reissue", json: #"{"residentId":"\#(stranger.rawValue)"}"#)
                .problemCode == "certificate.not-a-party")
            let reissue = try await client.post("/certificates/\(original)/reissue", json: #"{"residentId":"\#(woman.rawValue)"}"#)
            #expect(reissue.status == .created)
            let reissued = try #require(try reissue.json()["number"] as? String)
            #expect(reissued == "BJ620423-01-2026-000001")
            #expect(try await client.get("/certificates/\(original)").text.contains("revoked"))
            #expect(try await client.get("/certificates/\(reissued)").text.contains(#""status":"valid""#))
            let reissues = try await RegistryHarness.published(CertificateReissued.eventType.rawValue, count: 1, kafka: kafka)
            let reissueEvent = try #require(try reissues.first?.cloudEvent().decode(CertificateReissued.self))
            #expect(reissueEvent.certificateNumber == reissued)
            #expect(reissueEvent.office == "620423-01")
            #expect(reissueEvent.region?.rawValue == "620423")

            let judgment = try await client.post("/marriages/\(marriageID)/court-judgments",
                                                 json: #"{"kind":"annulment","documentNumber":"(2026)甘0423民初123号","effectiveOn":"2026-05-21"}"#)
            #expect(judgment.text.contains(#""status":"annulled""#), "\(judgment.text)")
            #expect(try await client.get("/certificates/\(reissued)").text.contains("revoked"))
            #expect(try await client.get("/marital-status?residentId=\(man.rawValue)").text.contains(#""status":"unmarried""#))
            #expect(try await client.post("/marriages/\(marriageID)/court-judgments",
                                          json: #"{"kind":"divorce","documentNumber":"x","effectiveOn":"2026-05-21"}"#).problemCode
                    == "marriage.not-current")

            // A court's divorce is registered by no office: the event has neither office nor region.
            let other = try await client.post("/marriages", json: marriageBody(RegistryHarness.person(born: "1990-01-01", sequence: 53),
                                                                              RegistryHarness.person(born: "1991-01-01", sequence: 54))).json()
            let otherID = try #require(other["marriageId"] as? String)
            #expect(try await client.post("/marriages/\(otherID)/court-judgments",
                                          json: #"{"kind":"divorce","documentNumber":"(2026)甘0423民初456号","effectiveOn":"2026-05-21"}"#)
                .status == .ok)
            let divorces = try await RegistryHarness.published(DivorceRegistered.eventType.rawValue, count: 1, kafka: kafka)
            let divorce = try #require(try divorces.first?.cloudEvent().decode(DivorceRegistered.self))
            #expect(divorce.basis == .courtJudgment)
            #expect(divorce.office == nil)
            #expect(divorce.region == nil)
        }
    }
}
