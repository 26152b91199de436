import ChildProtectionDomain
import Contracts
import ElderCareDomain
import TestKit
import Testing

/// Who ElderCare and ChildProtection serve: the age thresholds of their laws, counted in completed years.
@Suite("Bureau scopes by age", .tags(.unit))
struct BureauScopeTests {
    @Test("an older person from the sixtieth birthday on")
    func olderPerson() throws {
        let bornNovember1960 = try ResidentID("620423196011040032")
        #expect(OlderPerson.includes(bornNovember1960, on: try CivilDate(iso: "2020-11-03")) == false)
        #expect(OlderPerson.includes(bornNovember1960, on: try CivilDate(iso: "2020-11-04")) == true)
    }

    @Test("a minor until the day before the eighteenth birthday")
    func minor() throws {
        let bornMay2018 = try ResidentID("620423201805020053")
        #expect(Minor.includes(bornMay2018, on: try CivilDate(iso: "2036-05-01")) == true)
        #expect(Minor.includes(bornMay2018, on: try CivilDate(iso: "2036-05-02")) == false)
    }
}
