import Contracts
import Testing
import TestKit
@testable import ElderCareDomain

@Suite("Advanced-age allowance: the recipient as the register stores it", .tags(.unit))
struct AllowanceRecipientTests {
    typealias F = ElderCareDomainFixture

    @Test("a recipient from the birth date alone is owed what one from the resident ID is")
    func fromBirthDate() throws {
        let schedule = try AllowanceTests.schedule()
        let byID = try AllowanceTests.recipient(born: "1936-02-29")
        let byBirth = AllowanceRecipient(bornOn: try F.date("1936-02-29"), registeredFrom: try F.month("2020-01"))
        #expect(byBirth == byID)
        for month in ["2016-02", "2016-03", "2026-03", "2026-04"] {
            #expect(try AllowanceTests.owed(month, byBirth, schedule) == (try AllowanceTests.owed(month, byID, schedule)))
        }
    }

    @Test("dying(on:) records, moves and clears the date of death, keeping the rest")
    func dying() throws {
        let schedule = try AllowanceTests.schedule()
        let alive = try AllowanceTests.recipient(born: "1940-01-01", proofs: ["2025-01-10"])
        let dead = alive.dying(on: try F.date("2025-05-31"))
        #expect(dead.diedOn == (try F.date("2025-05-31")))
        #expect(dead.proofsOfLife == alive.proofsOfLife)
        #expect(try AllowanceTests.owed("2025-06", dead, schedule) == .notEntitled(.afterDeath))
        #expect(dead.dying(on: nil) == alive)
        #expect(try AllowanceTests.owed("2025-06", dead.dying(on: nil), schedule).amount == F.yuan(100))
    }
}
