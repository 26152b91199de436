import Contracts
import Foundation
import HummingbirdTesting
import Messaging
import Testing
import TestKit
import TestSupport
@testable import Registry

/// The free basic funeral (惠民殡葬): recorded once when the deceased received 低保 or 特困 on the
/// date of death (learnt from Assistance's events through the inbox), and made — payable, announced
/// — only when the body is cremated: 景泰县规划 第三章（五）7 (seed 003 L17) grants it to people in
/// difficulty "死亡后实行火化". A burial without cremation withdraws it; an annulment revokes it.
@Suite("Free basic funeral grants", .tags(.postgres, .kafka, .slow), .serialized)
struct FuneralGrantTests {
    /// The development key.
    static func key() throws -> PersonRefKey { try PersonRefKey(hex: String(repeating: "0123456789abcdef", count: 4)) }
    let deceased: ResidentID
    var person: PersonRef { get throws { PersonRef.derive(from: deceased, key: try Self.key()) } }

    init() throws {
        deceased = try RegistryHarness.person(born: "1941-07-02", sequence: 61)
    }

    func death(_ date: String, key: String = "k1") -> String {
        #"{"residentId":"\#(deceased.rawValue)","dateOfDeath":"\#(date)","region":"620423","source":"hospital","idempotencyKey":"\#(key)"}"#
    }

    static let cremation = #"{"service":"cremation","performedOn":"2026-03-16","cremationCertificateNumber":"HZ-1"}"#
    static let burial = #"{"service":"burial","performedOn":"2026-03-18","cemeteryPlot":"A-12"}"#

    /// Publishes an Assistance event as the Assistance service would (binary-mode CloudEvent).
    func publish(_ event: CloudEvent, on kafka: TestKafka) async throws {
        let producer = try KafkaProducer(configuration: kafka.producerConfiguration("assistance-stand-in"), logger: TestKafka.logger)
        _ = try await producer.send(OutgoingMessage(cloudEvent: event, topic: Topics.events(of: .assistance)))
        await producer.shutdown()
    }

    func granted(caseID: UUID, startsOn: String) throws -> CloudEvent {
        try CloudEvent.wrap(
            BenefitGranted(caseID: caseID, program: .extremePoverty, recipients: [person], region: try RegionCode("620423"),
                           startsOn: try CivilDate(iso: startsOn), monthlyAmount: Money(fen: 75_100), causationEventID: nil),
            source: Domain.assistance.source)
    }

    /// The recipient periods the Registry's inbox has stored; with `ended`, only those with a last covered day.
    func recipientPeriods(_ database: TestDatabase, ended: Bool = false) async throws -> Int {
        try await RegistryHarness.integer(
            "SELECT count(*)::int FROM recipient_periods\(unescaped: ended ? " WHERE last_covered_day IS NOT NULL" : "")",
            in: database)
    }

    /// What `GET /deaths/{id}/funeral-subsidy` answers: the HTTP status, and the grant's status
    /// (`pending-cremation`, `granted`, `withdrawn`, `revoked`) or the problem code
    /// (`funeral-subsidy.not-found` while there is none).
    func subsidy(_ client: any TestClientProtocol, record: String) async throws -> (http: Int, answer: String?) {
        let response = try await client.get("/deaths/\(record)/funeral-subsidy")
        return (response.status.code, response.problemCode ?? (try? response.json())?["status"] as? String)
    }

    /// The `funeral-subsidy-granted` events the Registry published, read until `after` (an event
    /// type published in the same transaction or later) arrived, and a little longer: so that an
    /// event that should not be there would show.
    func grantEvents(after type: String, kafka: TestKafka) async throws -> [FuneralSubsidyGranted] {
        try await TopicReader(kafka: kafka, topics: [Topics.events(of: .registry)])
            .read(timeout: .seconds(30), settle: .seconds(2)) { $0.contains { $0.cloudEventType == type } }
            .filter { $0.cloudEventType == FuneralSubsidyGranted.eventType.rawValue }
            .map { try $0.cloudEvent().decode(FuneralSubsidyGranted.self) }
    }

    @Test func recipientDeathWaitsForTheCremationAndIsGrantedOnceUnderDuplicateDelivery() async throws {
        try await RegistryHarness.with(today: try CivilDate(iso: "2026-05-20")) { client, _, kafka, database in
            let grantedEvent = try granted(caseID: UUID(), startsOn: "2024-01-01")
            try await publish(grantedEvent, on: kafka)
            try await publish(grantedEvent, on: kafka)  // the same event delivered twice
            // Once the inbox has applied it, a death recorded now is a recipient's.
            let periods = try await eventually { try await recipientPeriods(database) } until: { $0 == 1 }
            #expect(periods == 1)
            let response = try await client.post("/deaths", json: death("2026-03-14"))
            #expect(response.status == .created)
            let record = try #require(try response.json()["recordId"] as? String)
            // Qualifies, but not cremated yet: recorded, so the funeral home knows, and not payable.
            let pending = try await client.get("/deaths/\(record)/funeral-subsidy")
            #expect(pending.status == .ok)
            #expect(pending.text.contains(#""status":"pending-cremation""#))
            #expect(pending.text.contains(#""basis":"extreme-poverty""#))
            #expect(!pending.text.contains("grantedOn"))
            #expect(try await client.post("/deaths/\(record)/funeral-services", json: #"{"service":"transport","performedOn":"2026-03-14"}"#)
                .status == .created)
            #expect(try await subsidy(client, record: record).answer == "pending-cremation")

            // The cremation makes it payable.
            #expect(try await client.post("/deaths/\(record)/funeral-services", json: Self.cremation).status == .created)
            let body = try await client.get("/deaths/\(record)/funeral-subsidy")
            #expect(body.status == .ok)
            #expect(body.text.contains(#""status":"granted""#))
            #expect(body.text.contains(#""crematedOn":"2026-03-16""#))
            #expect(body.text.contains(#""total":64000"#))
            // The death reported again, the ashes buried, the benefit event delivered yet again: still one grant.
            #expect(try await client.post("/deaths", json: death("2026-03-14")).status == .ok)
            #expect(try await client.post("/deaths/\(record)/funeral-services", json: Self.burial).status == .created)
            try await publish(grantedEvent, on: kafka)
            try await publish(try granted(caseID: UUID(), startsOn: "2025-01-01"), on: kafka)  // another case, same person
            let both = try await eventually { try await recipientPeriods(database) } until: { $0 == 2 }
            #expect(both == 2)
            #expect(try await subsidy(client, record: record).answer == "granted")
            let grants = try await grantEvents(after: BurialCompleted.eventType.rawValue, kafka: kafka)
            #expect(grants.count == 1)
            #expect(grants.first?.crematedOn?.iso == "2026-03-16")
            #expect(grants.first?.basis == .extremePoverty)
        }
    }

    @Test func aBenefitEventArrivingAfterTheDeathRecordsTheGrantAndAnAnnulmentRevokesIt() async throws {
        try await RegistryHarness.with(today: try CivilDate(iso: "2026-05-20")) { client, _, kafka in
            let record = try #require(try await client.post("/deaths", json: death("2026-03-14")).json()["recordId"] as? String)
            let before = try await subsidy(client, record: record)
            #expect(before.http == 404)
            #expect(before.answer == "funeral-subsidy.not-found")
            try await publish(try granted(caseID: UUID(), startsOn: "2023-06-01"), on: kafka)
            let pending = try await eventually { try await subsidy(client, record: record) } until: { $0.http == 200 }
            #expect(pending.http == 200)
            #expect(pending.answer == "pending-cremation")
            #expect(try await client.post("/deaths/\(record)/funeral-services", json: Self.cremation).status == .created)
            #expect(try await subsidy(client, record: record).answer == "granted")
            // Annulling the death revokes the grant; the annulment is an event of its own.
            let annulled = try await client.post("/deaths/\(record)/annulment", json: #"{"reason":"wrong person"}"#)
            #expect(annulled.text.contains(#""status":"annulled""#))
            let revoked = try await subsidy(client, record: record)
            #expect(revoked.http == 200)
            #expect(revoked.answer == "revoked")
        }
    }

    /// Cremated first, known as a recipient only later: the late event grants at once, and its
    /// duplicate grants nothing more.
    @Test func aBenefitEventArrivingAfterTheCremationGrantsOnceUnderDuplicateDelivery() async throws {
        try await RegistryHarness.with(today: try CivilDate(iso: "2026-05-20")) { client, _, kafka, database in
            let record = try #require(try await client.post("/deaths", json: death("2026-03-14")).json()["recordId"] as? String)
            #expect(try await client.post("/deaths/\(record)/funeral-services", json: Self.cremation).status == .created)
            #expect(try await subsidy(client, record: record).answer == "funeral-subsidy.not-found")
            let late = try granted(caseID: UUID(), startsOn: "2023-06-01")
            try await publish(late, on: kafka)
            try await publish(late, on: kafka)
            let grant = try await eventually { try await subsidy(client, record: record) } until: { $0.http == 200 }
            #expect(grant.answer == "granted")
            // Another case of the same person: applied, and still one grant.
            try await publish(try granted(caseID: UUID(), startsOn: "2025-01-01"), on: kafka)
            let both = try await eventually { try await recipientPeriods(database) } until: { $0 == 2 }
            #expect(both == 2)
            let grants = try await RegistryHarness.published(FuneralSubsidyGranted.eventType.rawValue, count: 1, kafka: kafka,
                                                             settle: .seconds(3))
            #expect(grants.count == 1)
            let event = try #require(try grants.first?.cloudEvent().decode(FuneralSubsidyGranted.self))
            #expect(event.causationEventID == late.id)
            #expect(event.crematedOn?.iso == "2026-03-16")
        }
    }

    /// Buried without cremation: the pending grant is withdrawn, announces nothing, and a benefit
    /// event delivered again does not bring it back. Exhumed and cremated after all, it is granted.
    @Test func aBurialWithoutCremationWithdrawsTheUnpaidGrant() async throws {
        try await RegistryHarness.with(today: try CivilDate(iso: "2026-05-20")) { client, _, kafka, database in
            let benefit = try granted(caseID: UUID(), startsOn: "2024-01-01")
            try await publish(benefit, on: kafka)
            _ = try await eventually { try await recipientPeriods(database) } until: { $0 == 1 }
            let record = try #require(try await client.post("/deaths", json: death("2026-03-14")).json()["recordId"] as? String)
            #expect(try await subsidy(client, record: record).answer == "pending-cremation")
            #expect(try await client.post("/deaths/\(record)/funeral-services", json: Self.burial).status == .created)
            let withdrawn = try await client.get("/deaths/\(record)/funeral-subsidy")
            #expect(withdrawn.status == .ok)
            #expect(withdrawn.text.contains(#""status":"withdrawn""#))
            #expect(withdrawn.text.contains(#""withdrawnOn":"#))
            #expect(!withdrawn.text.contains("grantedOn"))

            try await publish(benefit, on: kafka)  // delivered again
            try await publish(try granted(caseID: UUID(), startsOn: "2025-01-01"), on: kafka)  // another case, same person
            let both = try await eventually { try await recipientPeriods(database) } until: { $0 == 2 }
            #expect(both == 2)
            #expect(try await subsidy(client, record: record).answer == "withdrawn")
            #expect(try await grantEvents(after: BurialCompleted.eventType.rawValue, kafka: kafka).isEmpty)

            #expect(try await client.post("/deaths/\(record)/funeral-services",
                                          json: #"{"service":"cremation","performedOn":"2026-05-02","cremationCertificateNumber":"HZ-7"}"#)
                .status == .created)
            #expect(try await subsidy(client, record: record).answer == "granted")
            let grants = try await grantEvents(after: CremationCompleted.eventType.rawValue, kafka: kafka)
            #expect(grants.count == 1)
            #expect(grants.first?.crematedOn?.iso == "2026-05-02")
            #expect(try await client.post("/deaths/\(record)/annulment", json: #"{"reason":"wrong person"}"#).status == .ok)
            #expect(try await subsidy(client, record: record).answer == "revoked")
        }
    }

    @Test func noGrantForAFormerRecipientOrANonRecipient() async throws {
        try await RegistryHarness.with(today: try CivilDate(iso: "2026-05-20")) { client, _, kafka, database in
            let caseID = UUID()
            try await publish(try granted(caseID: caseID, startsOn: "2020-01-01"), on: kafka)
            try await publish(try CloudEvent.wrap(
                BenefitTerminated(caseID: caseID, program: .extremePoverty, recipients: [person], region: try RegionCode("620423"),
                                  lastCoveredDay: try CivilDate(iso: "2026-03-13"), reason: .review, causationEventID: nil),
                source: Domain.assistance.source), on: kafka)
            // Both events applied: the period ended the day before the death.
            let ended = try await eventually { try await recipientPeriods(database, ended: true) } until: { $0 == 1 }
            #expect(ended == 1)
            let record = try #require(try await client.post("/deaths", json: death("2026-03-14")).json()["recordId"] as? String)
            let grant = try await subsidy(client, record: record)
            #expect(grant.http == 404)
            #expect(grant.answer == "funeral-subsidy.not-found")
            // Nobody else: a death without any benefit event is not granted either.
            let stranger = try RegistryHarness.person(born: "1950-02-02", sequence: 63)
            let other = try await client.post("/deaths", json: #"{"residentId":"\#(stranger.rawValue)","dateOfDeath":"2026-03-14","region":"620423","source":"hospital","idempotencyKey":"k2"}"#)
            let otherRecord = try #require(try other.json()["recordId"] as? String)
            #expect(try await subsidy(client, record: otherRecord).answer == "funeral-subsidy.not-found")
        }
    }

    @Test func funeralServicesAndCorrections() async throws {
        try await RegistryHarness.with(today: try CivilDate(iso: "2026-05-20")) { client, _, kafka in
            let record = try #require(try await client.post("/deaths", json: death("2026-03-14")).json()["recordId"] as? String)
            #expect(try await client.post("/deaths/\(record)/funeral-services",
                                          json: #"{"service":"cremation","performedOn":"2026-03-16"}"#).problemCode
                    == "funeral.cremation-certificate-missing")
            #expect(try await client.post("/deaths/\(record)/funeral-services",
                                          json: #"{"service":"cremation","performedOn":"2026-03-10","cremationCertificateNumber":"HZ-1"}"#)
                .problemCode == "funeral.before-death")
            #expect(try await client.post("/deaths/\(record)/funeral-services",
                                          json: #"{"service":"cremation","performedOn":"2026-03-16","cremationCertificateNumber":"HZ-1"}"#)
                .status == .created)
            #expect(try await client.post("/deaths/\(record)/funeral-services",
                                          json: #"{"service":"burial","performedOn":"2026-03-20","cemeteryPlot":"A-12","ecoBurial":true}"#)
                .status == .created)
            // Not a recipient: cremated or not, no free basic funeral.
            #expect(try await subsidy(client, record: record).answer == "funeral-subsidy.not-found")
            #expect(try await client.post("/deaths/\(record)/funeral-services", json: #"{"service":"party","performedOn":"2026-03-20"}"#)
                .problemCode == "funeral.unknown-service")
            let corrected = try await client.post("/deaths/\(record)/correction", json: #"{"dateOfDeath":"2026-03-13","reason":"hospital typo"}"#)
            #expect(corrected.text.contains(#""dateOfDeath":"2026-03-13""#))
            // The same date again changes nothing and publishes nothing.
            let again = try await client.post("/deaths/\(record)/correction", json: #"{"dateOfDeath":"2026-03-13","reason":"again"}"#)
            #expect(again.status == .ok)
            #expect(again.text.contains(#""dateOfDeath":"2026-03-13""#))
            let corrections = try await RegistryHarness.published(DeathRecordCorrected.eventType.rawValue, count: 1, kafka: kafka,
                                                                  settle: .seconds(2))
            #expect(corrections.count == 1)
            #expect(try await client.post("/deaths/\(record)/correction", json: #"{"dateOfDeath":"1930-01-01","reason":"x"}"#)
                .problemCode == "death.before-birth")
        }
    }
}
