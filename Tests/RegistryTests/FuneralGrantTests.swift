import Contracts
import Foundation
import HummingbirdTesting
import Messaging
import Testing
import TestSupport
@testable import Registry

/// The free basic funeral (惠民殡葬): granted once when the deceased received 低保 or
/// 特困 on the date of death, learnt from Assistance's events through the inbox.
@Suite("Free basic funeral grants", .tags(.integration), .serialized)
struct FuneralGrantTests {
    static let key = try! PersonRefKey(hex: String(repeating: "0123456789abcdef", count: 4))  // the development key
    let deceased = RegistryHarness.person(born: "1941-07-02", sequence: 61)
    var person: PersonRef { PersonRef.derive(from: deceased, key: Self.key) }

    func death(_ date: String, key: String = "k1") -> String {
        #"{"residentId":"\#(deceased.rawValue)","dateOfDeath":"\#(date)","region":"620423","source":"hospital","idempotencyKey":"\#(key)"}"#
    }

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

    func subsidyCount(_ client: any TestClientProtocol, record: String) async throws -> Int {
        let response = try await client.get("/deaths/\(record)/funeral-subsidy")
        return response.status == .ok ? 1 : 0
    }

    @Test func recipientDeathIsGrantedOnceUnderDuplicateDelivery() async throws {
        try await RegistryHarness.with(today: try CivilDate(iso: "2026-05-20")) { client, _, kafka in
            let grantedEvent = try granted(caseID: UUID(), startsOn: "2024-01-01")
            try await publish(grantedEvent, on: kafka)
            try await publish(grantedEvent, on: kafka)  // the same event delivered twice
            // Wait until the Registry's inbox has applied it: a death recorded now is then a recipient's.
            var record = ""
            var grant = 0
            for attempt in 0..<100 {
                let response = try await client.post("/deaths", json: death("2026-03-14", key: "attempt-\(attempt)"))
                record = try #require(try response.json()["recordId"] as? String)
                grant = try await subsidyCount(client, record: record)
                if grant == 1 { break }
                // Not yet: annul-free retry is impossible (one death per person), so wait for the late event path.
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(grant == 1)
            let body = try await client.get("/deaths/\(record)/funeral-subsidy")
            #expect(body.text.contains(#""basis":"extreme-poverty""#))
            #expect(body.text.contains(#""total":64000"#))
            // The death reported again, and the benefit event delivered yet again: still one grant.
            #expect(try await client.post("/deaths", json: death("2026-03-14")).status == .ok)
            try await publish(grantedEvent, on: kafka)
            try await publish(try granted(caseID: UUID(), startsOn: "2025-01-01"), on: kafka)  // another case, same person
            try await Task.sleep(for: .seconds(2))
            #expect(try await grantEvents(kafka).count == 1)
        }
    }

    @Test func aBenefitEventArrivingAfterTheDeathStillGrants() async throws {
        try await RegistryHarness.with(today: try CivilDate(iso: "2026-05-20")) { client, _, kafka in
            let record = try #require(try await client.post("/deaths", json: death("2026-03-14")).json()["recordId"] as? String)
            #expect(try await subsidyCount(client, record: record) == 0)
            try await publish(try granted(caseID: UUID(), startsOn: "2023-06-01"), on: kafka)
            var grant = 0
            for _ in 0..<150 where grant == 0 {
                grant = try await subsidyCount(client, record: record)
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(grant == 1)
            // Annulling the death revokes the grant; the annulment is an event of its own.
            let annulled = try await client.post("/deaths/\(record)/annulment", json: #"{"reason":"wrong person"}"#)
            #expect(annulled.text.contains(#""status":"annulled""#))
            #expect(try await client.get("/deaths/\(record)/funeral-subsidy").text.contains(#""status":"revoked""#))
        }
    }

    @Test func noGrantForAFormerRecipientOrANonRecipient() async throws {
        try await RegistryHarness.with(today: try CivilDate(iso: "2026-05-20")) { client, _, kafka in
            let caseID = UUID()
            try await publish(try granted(caseID: caseID, startsOn: "2020-01-01"), on: kafka)
            try await publish(try CloudEvent.wrap(
                BenefitTerminated(caseID: caseID, program: .extremePoverty, recipients: [person], region: try RegionCode("620423"),
                                  lastCoveredDay: try CivilDate(iso: "2026-03-13"), reason: .review, causationEventID: nil),
                source: Domain.assistance.source), on: kafka)
            try await Task.sleep(for: .seconds(5))  // let both events be applied (first group join ≈ 3 s)
            let record = try #require(try await client.post("/deaths", json: death("2026-03-14")).json()["recordId"] as? String)
            #expect(try await subsidyCount(client, record: record) == 0)
        }
    }

    @Test func funeralServicesAndCorrections() async throws {
        try await RegistryHarness.with(today: try CivilDate(iso: "2026-05-20")) { client, _, _ in
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
            #expect(try await client.post("/deaths/\(record)/funeral-services", json: #"{"service":"party","performedOn":"2026-03-20"}"#)
                .problemCode == "funeral.unknown-service")
            let corrected = try await client.post("/deaths/\(record)/correction", json: #"{"dateOfDeath":"2026-03-13","reason":"hospital typo"}"#)
            #expect(corrected.text.contains(#""dateOfDeath":"2026-03-13""#))
            #expect(try await client.post("/deaths/\(record)/correction", json: #"{"dateOfDeath":"1930-01-01","reason":"x"}"#)
                .problemCode == "death.before-birth")
        }
    }

    func grantEvents(_ kafka: TestKafka) async throws -> [KafkaMessage] {
        try await RegistryHarness.published(FuneralSubsidyGranted.eventType.rawValue, kafka: kafka)
    }
}
