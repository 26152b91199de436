import SchemaValidation
import Contracts
import Foundation
import TestKit
import Testing
import TestSupport

/// Every event type encodes to JSON that its schema accepts, and every payload
/// published by an earlier release still decodes (backward compatibility).
@Suite("Event schemas", .tags(.unit))
struct EventSchemaTests {
    @Test func everyTypeHasAnExampleAndASchema() throws {
        let examples = try EventExamples().examples()
        for type in EventCatalog.all {
            #expect(examples[type.eventType.rawValue] != nil, "no example for \(type.eventType)")
            #expect(EventSchemas.data(for: type.eventType) != nil, "no schema file \(type.eventType.schemaFileName)")
        }
    }

    @Test(arguments: EventCatalog.all.map { $0.eventType.rawValue })
    func encodedEventsValidate(type: String) throws {
        let example = try #require(try EventExamples().examples()[type])
        let eventType = Swift.type(of: example).eventType
        let schema = try #require(EventSchemas.data(for: eventType))
        let validator = try JSONSchemaValidator(schemaData: schema)
        let envelope = try CloudEvent.wrap(example, source: eventType.domain.source)
        let errors = try validator.validate(data: Data(envelope.data))
        #expect(errors.isEmpty, "\(errors)")
        #expect(envelope.type == type)
        #expect(envelope.key == example.aggregateID)
    }

    @Test func variantsValidate() throws {
        for variant in try EventExamples().variants() {
            let eventType = Swift.type(of: variant).eventType
            let schema = try #require(EventSchemas.data(for: eventType))
            let errors = try JSONSchemaValidator(schemaData: schema)
                .validate(data: Data(CloudEvent.wrap(variant, source: eventType.domain.source).data))
            #expect(errors.isEmpty, "\(eventType): \(errors)")
        }
    }

    /// A schema property no example emits is likely misspelt (the Swift property would be
    /// refused by `additionalProperties: false` only if it were present).
    @Test func everySchemaPropertyIsEmitted() throws {
        var emitted: [String: Set<String>] = [:]
        let examples = try EventExamples()
        for event in Array(try examples.examples().values) + (try examples.variants()) {
            let object = try JSONSerialization.jsonObject(with: EventJSON.encoder.encode(event)) as? [String: Any]
            emitted[Swift.type(of: event).eventType.rawValue, default: []].formUnion((object ?? [:]).keys)
        }
        for type in EventCatalog.all {
            let schema = try #require(EventSchemas.data(for: type.eventType))
            let properties = try #require(
                (JSONSerialization.jsonObject(with: schema) as? [String: Any])?["properties"] as? [String: Any])
            let missing = Set(properties.keys).subtracting(emitted[type.eventType.rawValue] ?? [])
            #expect(missing.isEmpty, "\(type.eventType): no example emits \(missing.sorted())")
        }
    }

    @Test func aggregateIDsAreLowerCase() throws {
        for (type, example) in try EventExamples().examples() {
            #expect(example.aggregateID == example.aggregateID.lowercased(), "\(type)")
        }
    }

    @Test func moneyEncodesAsIntegerFen() throws {
        let event = try #require(try EventExamples().examples()[FuneralSubsidyGranted.eventType.rawValue] as? FuneralSubsidyGranted)
        let json = String(decoding: try EventJSON.encoder.encode(event), as: UTF8.self)
        #expect(json.contains(#""total":125050"#))
        #expect(json.contains(#"{"amount":15050,"service":"ash-storage"}"#))
        #expect(json.contains(#""grantedOn":"2026-03-15""#))
    }

    @Test func compositeKeysAndMonthsEncodeAsDocumented() throws {
        let examples = try EventExamples().examples()
        let roster = try #require(examples[PaymentRosterGenerated.eventType.rawValue] as? PaymentRosterGenerated)
        #expect(roster.aggregateID == "620423:2026-04")
        let standard = try #require(examples[StandardPublished.eventType.rawValue] as? StandardPublished)
        #expect(standard.aggregateID == "620423:2026:urban")
        let paid = try #require(examples[BenefitPaid.eventType.rawValue] as? BenefitPaid)
        let json = String(decoding: try EventJSON.encoder.encode(paid), as: UTF8.self)
        #expect(json.contains(#""amount":79350"#))
        #expect(json.contains(#""month":"2026-04""#))
        #expect(RiskSignalReported.eventType.rawValue == "civil.monitoring.risk-signal-reported.v1")
        #expect(RiskSignalReported.eventType.topic == "civil.monitoring.events")
    }

    /// A lead's follow-ups and closure share the key of the event that raised it, so they stay in order after it.
    @Test func leadEventsAreKeyedLikeTheLeadsRaisingEvent() throws {
        let person = try PersonRef(rawValue: "pr_" + String(repeating: "c", count: 64))
        let region = try RegionCode("620423")
        let household = try #require(UUID(uuidString: "0F5E3C1A-2B4D-4E6F-8A9B-0C1D2E3F4A5B"))
        let day = try CivilDate(iso: "2026-04-03")
        let outreach = OutreachLeadRaised(leadID: UUID(), person: person, region: region, signal: .incomeLoss, explanation: "x",
                                          detectedOn: day, causationEventID: nil)
        #expect(outreach.aggregateID == person.rawValue)
        #expect(LeadFollowedUp(leadID: UUID(), householdID: nil, person: person, region: region, followedUpOn: day).aggregateID
                == person.rawValue)
        #expect(LeadClosed(leadID: UUID(), householdID: nil, person: person, region: region, detectedOn: day, closedOn: day).aggregateID
                == person.rawValue)
        let detected = LowIncomeRiskDetected(leadID: UUID(), householdID: household, person: person, region: region, signal: .incomeLoss,
                                             householdStatus: .recipient, explanation: "x", detectedOn: day, causationEventID: nil)
        #expect(LeadFollowedUp(leadID: UUID(), householdID: household, person: person, region: region, followedUpOn: day).aggregateID
                == detected.aggregateID)
        #expect(LeadClosed(leadID: UUID(), householdID: household, person: person, region: region, detectedOn: day, closedOn: day).aggregateID
                == "0f5e3c1a-2b4d-4e6f-8a9b-0c1d2e3f4a5b")
    }

    @Test func schemasRejectRawIdentifiers() throws {
        let schema = try #require(EventSchemas.data(for: DeathRecorded.eventType))
        let validator = try JSONSchemaValidator(schemaData: schema)
        let leaked = #"{"recordID":"0F5E3C1A-2B4D-4E6F-8A9B-0C1D2E3F4A5B","person":"11010519491231002X","dateOfDeath":"2026-03-14","region":"620423","source":"hospital","recordedAt":"2026-03-15T02:30:00.000Z","name":"张三"}"#
        let errors = try validator.validate(data: Data(leaked.utf8))
        #expect(errors.contains { $0.instancePath == "/person" })
        #expect(errors.contains { $0.keyword == "additionalProperties" })
    }

    @Test func payloadsOfEarlierReleasesStillDecode() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        let directories = try FileManager.default.contentsOfDirectory(atPath: fixtures.path)
        #expect(!directories.isEmpty)
        for directory in directories {
            let type = try #require(EventCatalog.type(named: directory), "fixture for unknown type \(directory)")
            for file in try FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent(directory).path) {
                let data = try Data(contentsOf: fixtures.appendingPathComponent(directory).appendingPathComponent(file))
                let event = CloudEvent(source: type.eventType.domain.source, type: type.eventType.rawValue, key: "k", data: Array(data))
                #expect(throws: Never.self, "\(directory)/\(file)") { _ = try decode(event, as: type) }
            }
        }
    }

    /// A published payload of version N must also satisfy the schema of version N as it is now.
    @Test func payloadsOfEarlierReleasesStillValidate() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        let directories = try FileManager.default.contentsOfDirectory(atPath: fixtures.path)
        #expect(!directories.isEmpty)
        for directory in directories {
            let type = try #require(EventCatalog.type(named: directory), "fixture for unknown type \(directory)")
            let validator = try JSONSchemaValidator(schemaData: try #require(EventSchemas.data(for: type.eventType)))
            for file in try FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent(directory).path) {
                let data = try Data(contentsOf: fixtures.appendingPathComponent(directory).appendingPathComponent(file))
                let errors = try validator.validate(data: data)
                #expect(errors.isEmpty, "\(directory)/\(file): \(errors)")
            }
        }
    }

    /// The fields added compatibly to release 1's types: absent from its payloads, present in the
    /// payloads published now.
    @Test func fieldsAddedSinceRelease1AreOptional() throws {
        func fixture<E: DomainEvent>(_ type: E.Type, release: Int) throws -> E {
            let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/\(E.eventType.rawValue)/release-\(release).json")
            let data = try Data(contentsOf: file)
            return try CloudEvent(source: E.eventType.domain.source, type: E.eventType.rawValue, key: "k", data: Array(data)).decode(E.self)
        }
        let divorce1 = try fixture(DivorceRegistered.self, release: 1)
        let divorce2 = try fixture(DivorceRegistered.self, release: 2)
        #expect(divorce1.office == nil)
        #expect(divorce1.region == nil)
        #expect(divorce2.office == "620423-01")
        #expect(divorce2.region?.rawValue == "620423")
        let reissue1 = try fixture(CertificateReissued.self, release: 1)
        let reissue2 = try fixture(CertificateReissued.self, release: 2)
        #expect(reissue1.office == nil)
        #expect(reissue1.region == nil)
        #expect(reissue2.office == "620423-01")
        #expect(reissue2.region?.rawValue == "620423")
        #expect(try fixture(FuneralSubsidyGranted.self, release: 1).crematedOn == nil)
        #expect(try fixture(FuneralSubsidyGranted.self, release: 2).crematedOn?.iso == "2026-03-15")
        #expect(try fixture(BenefitPaid.self, release: 1).area == nil)
        #expect(try fixture(BenefitPaid.self, release: 2).area == .rural)
        #expect(try fixture(PaymentRosterGenerated.self, release: 1).areas == nil)
        let roster2 = try fixture(PaymentRosterGenerated.self, release: 2)
        #expect(roster2.areas?.map(\.area) == [.urban, .rural, .rural])
        #expect(roster2.areas?.map(\.total.fen) == [57_700, 79_350, 93_010])
        #expect(try fixture(StandardPublished.self, release: 1).effectiveFrom == nil)
        #expect(try fixture(StandardPublished.self, release: 2).effectiveFrom?.iso == "2026-07")
    }

    /// The statistics' events of issue 11: an urgent case overdue is keyed like its advance, a city
    /// minimum by year and area.
    @Test func statisticsEventsAreKeyedByCaseAndByYearAndArea() throws {
        let person = try PersonRef(rawValue: "pr_" + String(repeating: "d", count: 64))
        let caseID = try #require(UUID(uuidString: "7B1E2C3D-4F5A-4B6C-9D7E-8F9A0B1C2D3E"))
        let overdue = UrgentAdvanceOverdue(caseID: caseID, person: person, region: try RegionCode("620423100"),
                                           township: try RegionCode("620423100"), reportedAt: Date(), targetHours: 24, detectedAt: Date())
        #expect(overdue.aggregateID == "7b1e2c3d-4f5a-4b6c-9d7e-8f9a0b1c2d3e")
        let advanced = TemporaryAssistanceAdvanced(caseID: caseID, kind: .urgent, person: person, region: try RegionCode("620423100"),
                                                   reportedAt: Date(), advancedAt: Date(), amount: Money(yuan: 1), withinTarget: false,
                                                   targetHours: 24)
        #expect(overdue.aggregateID == advanced.aggregateID)
        let minimum = CityMinimumStandardSet(year: 2026, area: .rural, minimumLivingAllowance: Money(yuan: 520), previous: nil,
                                             setOn: try CivilDate(iso: "2026-01-05"))
        #expect(minimum.aggregateID == "2026:rural")
    }

    private func decode<E: DomainEvent>(_ event: CloudEvent, as: E.Type) throws -> E { try event.decode(E.self) }
}

@Suite("CloudEvent envelope and topics", .tags(.unit))
struct CloudEventEnvelopeTests {
    @Test func decodingAnotherTypeIsRefused() throws {
        let event = CloudEvent(source: "s", type: "civil.registry.other.v1", key: "k", data: [])
        #expect(throws: CloudEventError.typeMismatch(expected: DeathRecorded.eventType.rawValue, actual: "civil.registry.other.v1")) {
            try event.decode(DeathRecorded.self)
        }
    }

    @Test func topicNames() {
        #expect(DeathRecorded.eventType.topic == "civil.registry.events")
        #expect(Topics.stats(of: .assistance) == "civil.stats.assistance")
        #expect(Topics.deadLetter(group: "assistance") == "civil.dlq.assistance")
        #expect(Topics.all.count == 18)
    }
}
