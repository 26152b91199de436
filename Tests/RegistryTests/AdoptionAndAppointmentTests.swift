import Contracts
import Foundation
import HummingbirdTesting
import RegistryDomain
import Testing
import TestKit
import TestSupport
@testable import Registry

@Suite("Adoption registration and appointments", .tags(.postgres, .kafka), .serialized)
struct AdoptionAndAppointmentTests {
    static func today() throws -> CivilDate { try CivilDate(iso: "2026-06-10") }
    let adopter: ResidentID
    let spouse: ResidentID
    let child: ResidentID

    init() throws {
        adopter = try RegistryHarness.person(born: "1985-04-04", sequence: 71)
        spouse = try RegistryHarness.person(born: "1987-09-09", sequence: 72)
        child = try RegistryHarness.person(born: "2021-01-15", sequence: 82)
    }

    func adoption(adopters: String, child: ResidentID, category: String = "orphan", consent: Bool = false,
                  assessment: Bool = true) -> String {
        #"{"office":"620423-01","adopters":\#(adopters),"child":{"residentId":"\#(child.rawValue)","category":"\#(category)","disabled":false,"inWelfareInstitution":false,"consentGiven":\#(consent)},"assessmentRecorded":\#(assessment)}"#
    }

    var couple: String {
        #"[{"residentId":"\#(adopter.rawValue)","existingChildren":0,"married":true,"spouseConsent":true},{"residentId":"\#(spouse.rawValue)","existingChildren":0,"married":true,"spouseConsent":true}]"#
    }

    @Test func registersRefusesAndDissolves() async throws {
        try await RegistryHarness.with(today: Self.today()) { client, _ in
            let single = #"[{"residentId":"\#(adopter.rawValue)","existingChildren":0,"married":true,"spouseConsent":true}]"#
            #expect(try await client.post("/adoptions", json: adoption(adopters: single, child: child)).problemCode
                    == "adoption.spouses-must-adopt-jointly")
            #expect(try await client.post("/adoptions", json: adoption(adopters: couple, child: child, assessment: false)).problemCode
                    == "adoption.assessment-missing")
            #expect(try await client.post("/adoptions", json: adoption(adopters: couple, child: child, category: "other")).problemCode
                    == "adoption.child-not-adoptable")
            let young = try RegistryHarness.person(born: "2000-01-01", sequence: 73)
            let youngSingle = #"[{"residentId":"\#(young.rawValue)","existingChildren":0,"married":false,"spouseConsent":false}]"#
            #expect(try await client.post("/adoptions", json: adoption(adopters: youngSingle, child: child)).problemCode
                    == "adoption.adopter-under-30")
            let olderChild = try RegistryHarness.person(born: "2016-02-02", sequence: 84)  // 10 years old
            #expect(try await client.post("/adoptions", json: adoption(adopters: couple, child: olderChild)).problemCode
                    == "adoption.child-consent-required")
            #expect(try await client.post("/adoptions", json: adoption(adopters: couple, child: child, category: "lost")).problemCode
                    == "adoption.unknown-category")

            let registered = try await client.post("/adoptions", json: adoption(adopters: couple, child: child))
            #expect(registered.status == .created, "\(registered.text)")
            let id = try #require(try registered.json()["adoptionId"] as? String)
            let number = try #require(try registered.json()["certificateNumber"] as? String)
            #expect(number == "SY620423-01-2026-000001")
            #expect(try await client.get("/certificates/\(number)").text.contains(#""status":"valid""#))
            #expect(try await client.post("/adoptions", json: adoption(adopters: couple, child: child)).problemCode
                    == "adoption.child-already-adopted")

            #expect(try await client.post("/adoptions/\(id)/dissolution", json: #"{"basis":"court-document"}"#).problemCode
                    == "adoption.document-missing")
            let dissolved = try await client.post("/adoptions/\(id)/dissolution", json: #"{"basis":"registration"}"#)
            #expect(dissolved.text.contains(#""status":"dissolved""#))
            #expect(try await client.get("/certificates/\(number)").text.contains(#""status":"revoked""#))
            #expect(try await client.post("/adoptions/\(id)/dissolution", json: #"{"basis":"registration"}"#).problemCode
                    == "adoption.not-registered")
        }
    }

    func booking(_ date: String, slot: String, person: Int) throws -> String {
        let id = try RegistryHarness.person(born: "1990-01-01", sequence: 200 + person)
        return #"{"office":"620423-01","date":"\#(date)","slot":"\#(slot)","residentId":"\#(id.rawValue)"}"#
    }

    @Test func concurrentBookingsNeverOverbook() async throws {
        try await RegistryHarness.with(today: Self.today()) { client, _ in
            // The 09:00 slot takes 6; 20 people try at once.
            let statuses = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for person in 0..<20 {
                    group.addTask {
                        let response = try await client.post("/appointments", json: booking("2026-06-12", slot: "09:00", person: person))
                        return (Int(response.status.code), response.problemCode)
                    }
                }
                return try await group.reduce(into: [(Int, String?)]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0.0 == 201 }.count == 6)
            #expect(statuses.filter { $0.1 == "appointment.slot-full" }.count == 14)
            let day = try await client.get("/offices/620423-01/appointments?date=2026-06-12")
            #expect(day.text.contains(#""booked":6"#))
        }
    }

    @Test func cancellationPastDatesAndUnknownSlots() async throws {
        try await RegistryHarness.with(today: Self.today()) { client, _ in
            let booked = try await client.post("/appointments", json: booking("2026-06-12", slot: "10:00", person: 1))
            let id = try #require(try booked.json()["appointmentId"] as? String)
            let cancelled = try await client.execute(uri: "/appointments/\(id)", method: .delete)
            #expect(cancelled.text.contains(#""status":"cancelled""#))
            let again = try await client.execute(uri: "/appointments/\(id)", method: .delete)
            #expect(again.problemCode == "appointment.already-cancelled")
            #expect(try await client.post("/appointments", json: booking("2026-06-01", slot: "10:00", person: 2)).problemCode
                    == "appointment.date-in-past")
            #expect(try await client.post("/appointments", json: booking("2026-06-12", slot: "12:30", person: 3)).problemCode
                    == "appointment.unknown-slot")
            let peak = try await client.get("/offices/620423-01/appointments?date=2026-08-19")  // 七夕 2026
            #expect(peak.text.contains(#""peakDay":true"#))
        }
    }
}

@Suite("Peak registration days", .tags(.postgres, .kafka), .serialized)
struct PeakDayTests {
    @Test func onAPeakDayOnlyBookedCouplesAreServed() async throws {
        let man = try RegistryHarness.person(born: "1994-01-01", sequence: 91)
        let woman = try RegistryHarness.person(born: "1995-01-01", sequence: 92)
        try await RegistryHarness.with(today: try CivilDate(iso: "2026-05-10")) { client, clock in
            let booking = try await client.post("/appointments",
                                                json: #"{"office":"620423-01","date":"2026-05-20","slot":"09:00","residentId":"\#(man.rawValue)"}"#)
            let appointment = try #require(try booking.json()["appointmentId"] as? String)
            clock.set(try CivilDate(iso: "2026-05-20"))  // 5·20
            let walkIn = #"{"partyA":"\#(man.rawValue)","partyB":"\#(woman.rawValue)","office":"620423-01","declaredKinship":"unrelated"}"#
            #expect(try await client.post("/marriages", json: walkIn).problemCode == "appointment.peak-day-booking-required")
            let notTheirs = #"{"partyA":"\#(man.rawValue)","partyB":"\#(woman.rawValue)","office":"620423-01","declaredKinship":"unrelated","appointmentId":"\#(UUID())"}"#
            #expect(try await client.post("/marriages", json: notTheirs).problemCode == "appointment.not-valid-today")
            let booked = #"{"partyA":"\#(man.rawValue)","partyB":"\#(woman.rawValue)","office":"620423-01","declaredKinship":"unrelated","appointmentId":"\#(appointment)"}"#
            #expect(try await client.post("/marriages", json: booked).status == .created)
        }
    }

    /// 七夕 of any year, and the days the city adds (`REGISTRY_PEAK_DAYS_EXTRA`), are peak days too.
    @Test func qixiOfAnyYearAndConfiguredDaysAreServedByBookingOnly() async throws {
        let man = try RegistryHarness.person(born: "1994-01-01", sequence: 93)
        let woman = try RegistryHarness.person(born: "1995-01-01", sequence: 94)
        let configured = try PeakDaySettings.peakDays(environment: [PeakDaySettings.variable: "2026-06-06,10-10"])
        try await RegistryHarness.with(today: try CivilDate(iso: "2026-06-01"), peakDays: configured) { client, clock, _, _ in
            func peakDay(_ date: String) async throws -> Bool? {
                try await client.get("/offices/620423-01/appointments?date=\(date)").json()["peakDay"] as? Bool
            }
            #expect(try await peakDay("2026-06-06") == true)
            #expect(try await peakDay("2026-06-07") == false)
            #expect(try await peakDay("2026-10-10") == true)
            #expect(try await peakDay("2030-10-10") == true)
            #expect(try await peakDay("2031-08-24") == true)  // 七夕 2031
            #expect(try await peakDay("2031-08-23") == false)
            clock.set(try CivilDate(iso: "2026-06-06"))
            let walkIn = #"{"partyA":"\#(man.rawValue)","partyB":"\#(woman.rawValue)","office":"620423-01","declaredKinship":"unrelated"}"#
            #expect(try await client.post("/marriages", json: walkIn).problemCode == "appointment.peak-day-booking-required")
            clock.set(try CivilDate(iso: "2026-06-08"))
            #expect(try await client.post("/marriages", json: walkIn).status == .created)
        }
    }
}
