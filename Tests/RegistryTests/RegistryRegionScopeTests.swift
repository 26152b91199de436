import Contracts
import Foundation
import HummingbirdTesting
import Messaging
import Testing
import TestKit
import TestSupport
@testable import Registry

/// Who may do what where in the Registry: for each kind of record, a write and a read by
/// registrars of the record's county (allowed), of a sibling county (403 `auth.outside-region`,
/// nothing stored), of the city (allowed) and of a township below the county-level record
/// (refused); a role the route does not admit (403 `auth.role-not-allowed`) and no token (401).
///
/// The records lie in 景泰县: deaths in region 620423, everything else at office `620423-01`.
@Suite("Registry region scope", .tags(.postgres, .kafka, .slow), .serialized)
struct RegistryRegionScopeTests {
    static let today = "2026-05-21"  // not a peak day

    /// The refusals of a route that writes: no officer outside the county, no other role, no token.
    static let refusedWrite: [(Officer, AccessOutcome)] = [
        (.sibling, .outsideRegion), (.township, .outsideRegion), (.auditor, .roleNotAllowed), (.intake, .roleNotAllowed),
        (.anonymous, .tokenMissing),
    ]

    /// A route that reads a county-level record: the county, the city and the county's auditor may.
    static let scopedRead: [(Officer, AccessOutcome)] = [
        (.county, .ok), (.city, .ok), (.auditor, .ok), (.sibling, .outsideRegion), (.township, .outsideRegion),
        (.intake, .roleNotAllowed), (.anonymous, .tokenMissing),
    ]

    func death(_ person: ResidentID, key: String, region: String = "620423") -> String {
        #"{"residentId":"\#(person.rawValue)","dateOfDeath":"2026-03-14","region":"\#(region)","source":"hospital","idempotencyKey":"\#(key)"}"#
    }

    func marriage(_ a: ResidentID, _ b: ResidentID) -> String {
        #"{"partyA":"\#(a.rawValue)","partyB":"\#(b.rawValue)","office":"620423-01","declaredKinship":"unrelated"}"#
    }

    /// Registers a marriage as the county's registrar; its id and certificate number.
    func registerMarriage(_ officers: Officers, sequence: Int) async throws -> (id: String, certificate: String) {
        let response = try await officers[.county].post("/marriages", json: marriage(
            RegistryHarness.person(born: "1990-01-01", sequence: sequence), RegistryHarness.person(born: "1992-02-02", sequence: sequence + 1)))
        #expect(AccessOutcome(response) == .created, "\(response.text)")
        let json = try response.json()
        return (try #require(json["marriageId"] as? String), try #require(json["certificateNumber"] as? String))
    }

    @Test func deaths() async throws {
        try await RegistryHarness.with(today: try CivilDate(iso: Self.today)) { client, _, _, database in
            let officers = try await Officers(client)
            let report = death(try RegistryHarness.person(born: "1940-02-03", sequence: 301), key: "d1")

            let before = try await RegistryHarness.stored(in: database)
            try await officers.expect(Self.refusedWrite) { try await $0.post("/deaths", json: report) }
            #expect(try await RegistryHarness.stored(in: database) == before)

            let recorded = try await officers[.county].post("/deaths", json: report)
            #expect(AccessOutcome(recorded) == .created)
            let id = try #require(try recorded.json()["recordId"] as? String)
            let other = death(try RegistryHarness.person(born: "1941-03-04", sequence: 303), key: "d2")
            #expect(AccessOutcome(try await officers[.city].post("/deaths", json: other)) == .created)
            // A township registrar records the deaths of her township.
            let local = death(try RegistryHarness.person(born: "1942-04-05", sequence: 305), key: "d3", region: "620423100")
            #expect(AccessOutcome(try await officers[.township].post("/deaths", json: local)) == .created)

            try await officers.expect(Self.scopedRead) { try await $0.get("/deaths/\(id)") }

            // Writes on the record: the correction, as an example of the three that follow a death.
            let correction = #"{"dateOfDeath":"2026-03-13","reason":"hospital typo"}"#
            let recordedState = try await RegistryHarness.stored(in: database)
            try await officers.expect(Self.refusedWrite) { try await $0.post("/deaths/\(id)/correction", json: correction) }
            #expect(try await RegistryHarness.stored(in: database) == recordedState)
            #expect(AccessOutcome(try await officers[.county].post("/deaths/\(id)/correction", json: correction)) == .ok)
        }
    }

    /// A repeated report answers with the record stored before: not to a registrar outside its
    /// region, whatever region the repeat names.
    @Test func aRepeatedDeathReportShowsTheRecordOnlyWithinItsRegion() async throws {
        try await RegistryHarness.with(today: try CivilDate(iso: Self.today)) { client, _, _, database in
            let officers = try await Officers(client)
            let person = try RegistryHarness.person(born: "1940-02-03", sequence: 311)
            #expect(AccessOutcome(try await officers[.county].post("/deaths", json: death(person, key: "r1"))) == .created)
            let before = try await RegistryHarness.stored(in: database)
            let elsewhere = try await officers[.sibling].post("/deaths", json: death(person, key: "r2", region: "620421"))
            #expect(AccessOutcome(elsewhere) == .outsideRegion)
            #expect(!elsewhere.text.contains(person.rawValue))
            #expect(try await RegistryHarness.stored(in: database) == before)
            let again = try await officers[.county].post("/deaths", json: death(person, key: "r1"))
            #expect(AccessOutcome(again) == .ok)
            #expect(again.text.contains(#""status":"already-recorded""#))
        }
    }

    @Test func funeralServicesAndSubsidies() async throws {
        try await RegistryHarness.with(today: try CivilDate(iso: Self.today)) { client, _, kafka, database in
            let officers = try await Officers(client)
            let recorded = try await officers[.county].post("/deaths", json: death(RegistryHarness.person(born: "1939-05-06", sequence: 321), key: "f1"))
            let id = try #require(try recorded.json()["recordId"] as? String)
            let person = try PersonRef(rawValue: try #require(try recorded.json()["personRef"] as? String))

            let cremation = #"{"service":"cremation","performedOn":"2026-03-16","cremationCertificateNumber":"HZ-1"}"#
            let before = try await RegistryHarness.stored(in: database)
            try await officers.expect(Self.refusedWrite + [(.finance, .roleNotAllowed)]) {
                try await $0.post("/deaths/\(id)/funeral-services", json: cremation)
            }
            #expect(try await RegistryHarness.stored(in: database) == before)
            #expect(AccessOutcome(try await officers[.county].post("/deaths/\(id)/funeral-services", json: cremation)) == .created)

            // Assistance says the deceased received 特困 support: the free basic funeral is granted.
            try await publish(try CloudEvent.wrap(
                BenefitGranted(caseID: UUID(), program: .extremePoverty, recipients: [person], region: try RegionCode("620423"),
                               startsOn: try CivilDate(iso: "2024-01-01"), monthlyAmount: Money(fen: 75_100), causationEventID: nil),
                source: Domain.assistance.source), on: kafka)
            let granted = try await eventually {
                AccessOutcome(try await officers[.county].get("/deaths/\(id)/funeral-subsidy"))
            } until: { $0 == .ok }
            #expect(granted == .ok)

            // Finance reads it too (the grant is paid out), within its region.
            try await officers.expect(Self.scopedRead + [(.finance, .ok), (.siblingFinance, .outsideRegion)]) {
                try await $0.get("/deaths/\(id)/funeral-subsidy")
            }
        }
    }

    /// Publishes an Assistance event as the Assistance service would.
    func publish(_ event: CloudEvent, on kafka: TestKafka) async throws {
        let producer = try KafkaProducer(configuration: kafka.producerConfiguration("assistance-stand-in"), logger: TestKafka.logger)
        _ = try await producer.send(OutgoingMessage(cloudEvent: event, topic: Topics.events(of: .assistance)))
        await producer.shutdown()
    }

    @Test func marriages() async throws {
        try await RegistryHarness.with(today: try CivilDate(iso: Self.today)) { client, _, _, database in
            let officers = try await Officers(client)
            let couple = marriage(try RegistryHarness.person(born: "1990-01-01", sequence: 401),
                                  try RegistryHarness.person(born: "1992-02-02", sequence: 402))

            let before = try await RegistryHarness.stored(in: database)
            try await officers.expect(Self.refusedWrite) { try await $0.post("/marriages", json: couple) }
            #expect(try await RegistryHarness.stored(in: database) == before)

            let registered = try await officers[.county].post("/marriages", json: couple)
            #expect(AccessOutcome(registered) == .created)
            let id = try #require(try registered.json()["marriageId"] as? String)
            #expect(AccessOutcome(try await officers[.city].post("/marriages", json: marriage(
                RegistryHarness.person(born: "1990-03-03", sequence: 403), RegistryHarness.person(born: "1992-04-04", sequence: 404))))
                == .created)

            try await officers.expect(Self.scopedRead) { try await $0.get("/marriages/\(id)") }
            // The office's day: the office code's region decides.
            try await officers.expect(Self.scopedRead) { try await $0.get("/marriages?office=620423-01&date=\(Self.today)") }
            // Marital status is a look-up across the city: any office checks a party before registering.
            let party = try RegistryHarness.person(born: "1990-01-01", sequence: 401)
            try await officers.expect([(.sibling, .ok), (.township, .ok), (.intake, .roleNotAllowed), (.anonymous, .tokenMissing)]) {
                try await $0.get("/marital-status?residentId=\(party.rawValue)")
            }

            let judgment = #"{"kind":"divorce","documentNumber":"(2026)甘0423民初7号","effectiveOn":"2026-05-21"}"#
            let registeredState = try await RegistryHarness.stored(in: database)
            try await officers.expect(Self.refusedWrite) { try await $0.post("/marriages/\(id)/court-judgments", json: judgment) }
            #expect(try await RegistryHarness.stored(in: database) == registeredState)
            #expect(AccessOutcome(try await officers[.county].post("/marriages/\(id)/court-judgments", json: judgment)) == .ok)
        }
    }

    @Test func divorceApplications() async throws {
        try await RegistryHarness.with(today: try CivilDate(iso: Self.today)) { client, _, _, database in
            let officers = try await Officers(client)
            let marriage = try await registerMarriage(officers, sequence: 411)

            let before = try await RegistryHarness.stored(in: database)
            try await officers.expect(Self.refusedWrite) { try await $0.post("/marriages/\(marriage.id)/divorce-applications", json: "{}") }
            #expect(try await RegistryHarness.stored(in: database) == before)

            let applied = try await officers[.county].post("/marriages/\(marriage.id)/divorce-applications", json: "{}")
            #expect(AccessOutcome(applied) == .created)
            let id = try #require(try applied.json()["applicationId"] as? String)

            try await officers.expect(Self.scopedRead) { try await $0.get("/divorce-applications/\(id)") }

            let withdrawal = #"{"residentId":"\#(try RegistryHarness.person(born: "1990-01-01", sequence: 411).rawValue)"}"#
            let appliedState = try await RegistryHarness.stored(in: database)
            try await officers.expect(Self.refusedWrite) { try await $0.post("/divorce-applications/\(id)/withdraw", json: withdrawal) }
            #expect(try await RegistryHarness.stored(in: database) == appliedState)
            #expect(AccessOutcome(try await officers[.city].post("/divorce-applications/\(id)/withdraw", json: withdrawal)) == .ok)
        }
    }

    @Test func certificates() async throws {
        try await RegistryHarness.with(today: try CivilDate(iso: Self.today)) { client, _, _, database in
            let officers = try await Officers(client)
            let marriage = try await registerMarriage(officers, sequence: 421)
            let applicant = #"{"residentId":"\#(try RegistryHarness.person(born: "1992-02-02", sequence: 422).rawValue)"}"#

            // A reissue is numbered in the series of the office that issued the original: that office's county, or the city.
            let before = try await RegistryHarness.stored(in: database)
            try await officers.expect(Self.refusedWrite) { try await $0.post("/certificates/\(marriage.certificate)/reissue", json: applicant) }
            #expect(try await RegistryHarness.stored(in: database) == before)
            let reissue = try await officers[.county].post("/certificates/\(marriage.certificate)/reissue", json: applicant)
            #expect(AccessOutcome(reissue) == .created)
            let reissued = try #require(try reissue.json()["number"] as? String)
            #expect(AccessOutcome(try await officers[.city].post("/certificates/\(reissued)/reissue", json: applicant)) == .created)

            // Verification answers valid or revoked, no party: any registrar checks a certificate
            // presented at her counter, wherever it was issued.
            try await officers.expect([
                (.county, .ok), (.sibling, .ok), (.township, .ok), (.city, .ok), (.auditor, .ok), (.intake, .roleNotAllowed),
                (.anonymous, .tokenMissing),
            ]) { try await $0.get("/certificates/\(reissued)") }
        }
    }

    @Test func adoptions() async throws {
        try await RegistryHarness.with(today: try CivilDate(iso: Self.today)) { client, _, _, database in
            let officers = try await Officers(client)
            let adopter = { (born: String, sequence: Int) throws in
                #"{"residentId":"\#(try RegistryHarness.person(born: born, sequence: sequence).rawValue)","existingChildren":0,"married":true,"spouseConsent":true}"#
            }
            let child = try RegistryHarness.person(born: "2021-01-15", sequence: 432)
            let adoption = try #"{"office":"620423-01","adopters":[\#(adopter("1985-04-04", 431)),\#(adopter("1987-09-09", 434))],"child":{"residentId":"\#(child.rawValue)","category":"orphan","disabled":false,"inWelfareInstitution":false,"consentGiven":false},"assessmentRecorded":true}"#

            let before = try await RegistryHarness.stored(in: database)
            try await officers.expect(Self.refusedWrite) { try await $0.post("/adoptions", json: adoption) }
            #expect(try await RegistryHarness.stored(in: database) == before)

            let registered = try await officers[.county].post("/adoptions", json: adoption)
            #expect(AccessOutcome(registered) == .created, "\(registered.text)")
            let id = try #require(try registered.json()["adoptionId"] as? String)

            try await officers.expect(Self.scopedRead) { try await $0.get("/adoptions/\(id)") }

            let dissolution = #"{"basis":"registration"}"#
            let registeredState = try await RegistryHarness.stored(in: database)
            try await officers.expect(Self.refusedWrite) { try await $0.post("/adoptions/\(id)/dissolution", json: dissolution) }
            #expect(try await RegistryHarness.stored(in: database) == registeredState)
            #expect(AccessOutcome(try await officers[.city].post("/adoptions/\(id)/dissolution", json: dissolution)) == .ok)
        }
    }

    @Test func appointments() async throws {
        try await RegistryHarness.with(today: try CivilDate(iso: Self.today)) { client, _, _, database in
            let officers = try await Officers(client)
            let resident = try RegistryHarness.person(born: "1993-03-03", sequence: 441)
            let booking = #"{"office":"620423-01","date":"2026-05-25","slot":"09:00","residentId":"\#(resident.rawValue)"}"#

            let before = try await RegistryHarness.stored(in: database)
            try await officers.expect(Self.refusedWrite) { try await $0.post("/appointments", json: booking) }
            #expect(try await RegistryHarness.stored(in: database) == before)

            let booked = try await officers[.county].post("/appointments", json: booking)
            #expect(AccessOutcome(booked) == .created)
            let id = try #require(try booked.json()["appointmentId"] as? String)

            // The office's day (counts per slot): the office code in the path decides.
            try await officers.expect(Self.scopedRead) { try await $0.get("/offices/620423-01/appointments?date=2026-05-25") }

            let bookedState = try await RegistryHarness.stored(in: database)
            try await officers.expect(Self.refusedWrite) { try await $0.execute(uri: "/appointments/\(id)", method: .delete) }
            #expect(try await RegistryHarness.stored(in: database) == bookedState)
            #expect(AccessOutcome(try await officers[.county].execute(uri: "/appointments/\(id)", method: .delete)) == .ok)
        }
    }
}
