import Contracts
import Foundation
import Testing
@testable import RegistryDomain
import TestKit

@Suite("Death report rules", .tags(.unit))
struct DeathReportTests {
    static var today: CivilDate { get throws { try CivilDate(iso: "2026-11-23") } }  // fixture
    static let valid = DeathReport.Request(
        residentId: "11010519491231002X", dateOfDeath: "2026-03-14", region: "620423", source: "hospital",
        idempotencyKey: "hospital-42")

    func refusal(_ change: (inout DeathReport.Request) -> Void) throws -> RuleViolation? {
        var request = Self.valid
        change(&request)
        let today = try Self.today
        do {
            _ = try DeathReport.validate(request, today: today)
            return nil
        } catch {
            return error
        }
    }

    @Test func validReportIsAccepted() throws {
        let report = try DeathReport.validate(Self.valid, today: Self.today)
        #expect(report.residentID.rawValue == "11010519491231002X")
        #expect(report.source == .hospital)
        #expect(report.region.rawValue == "620423")
    }

    @Test func lowerCaseCheckCharacterIsNormalised() throws {
        var request = Self.valid
        request.residentId = "11010519491231002x"
        #expect(try DeathReport.validate(request, today: Self.today).residentID.rawValue == "11010519491231002X")
    }

    @Test(arguments: [
        ("11010519491231002Y", "resident-id.invalid-character"),
        ("110105194912310021", "resident-id.bad-check-digit"),
        ("1101051949123100", "resident-id.wrong-length"),
    ])
    func badResidentIDs(id: String, code: String) throws {
        #expect(try refusal { $0.residentId = id }?.code == code)
        #expect(try refusal { $0.residentId = id }?.kind == .invalidInput)
    }

    @Test func impossibleDate() throws { #expect(try refusal { $0.dateOfDeath = "2026-02-30" }?.code == "request.invalid-date") }
    @Test func futureDate() throws { #expect(try refusal { $0.dateOfDeath = "2026-11-24" }?.code == "death.date-in-future") }
    @Test func beforeBirth() throws { #expect(try refusal { $0.dateOfDeath = "1949-12-30" }?.code == "death.before-birth") }
    @Test func deathOnBirthDayIsAccepted() throws { #expect(try refusal { $0.dateOfDeath = "1949-12-31" } == nil) }
    @Test func unknownSource() throws { #expect(try refusal { $0.source = "rumour" }?.code == "death.unknown-source") }
    @Test func badRegion() throws { #expect(try refusal { $0.region = "62042" }?.code.hasPrefix("region") == true) }
    @Test func missingIdempotencyKey() throws { #expect(try refusal { $0.idempotencyKey = "  " }?.code == "request.idempotency-key") }

    // A report that met a recorded death (same idempotency key or same person).
    static func key() throws -> PersonRefKey { try PersonRefKey(hex: String(repeating: "0123456789abcdef", count: 4)) }
    static var other: ResidentID { get throws { try RegistryDomainFixture.man(born: "1950-01-01", sequence: 3) } }

    func repeatRefusal(recordedPerson: PersonRef, recordedDate: String) throws -> RuleViolation? {
        let report = try DeathReport.validate(Self.valid, today: Self.today)
        let person = PersonRef.derive(from: report.residentID, key: try Self.key())
        let recordedDay = try CivilDate(iso: recordedDate)
        return try RegistryDomainFixture.refusal {
            try report.checkRepeat(reportedPerson: person, recordedPerson: recordedPerson, recordedDateOfDeath: recordedDay)
        }
    }

    @Test func theSameReportAgainIsARepeat() throws {
        let person = PersonRef.derive(from: try ResidentID(Self.valid.residentId), key: try Self.key())
        #expect(try repeatRefusal(recordedPerson: person, recordedDate: "2026-03-14") == nil)
    }

    @Test func anotherDateForTheSamePersonIsRefused() throws {
        let person = PersonRef.derive(from: try ResidentID(Self.valid.residentId), key: try Self.key())
        let refusal = try repeatRefusal(recordedPerson: person, recordedDate: "2026-03-13")
        #expect(refusal?.code == "death.already-recorded")
        #expect(refusal?.kind == .conflict)
    }

    @Test func theKeyOfAnotherPersonsDeathIsRefused() throws {
        let refusal = try repeatRefusal(recordedPerson: PersonRef.derive(from: Self.other, key: try Self.key()), recordedDate: "2026-03-14")
        #expect(refusal?.code == "request.idempotency-key-reused")
        #expect(refusal?.kind == .conflict)
    }

    @Test func onlyARecordedDeathMayChange() throws {
        let id = UUID()
        try DeathRecordStatus.recorded.requireRecorded(recordID: id)
        #expect(throws: RuleViolation("death.annulled", "death record \(id) was annulled", kind: .conflict)) {
            try DeathRecordStatus.annulled.requireRecorded(recordID: id)
        }
    }
}
