import Foundation
import TestKit
import Testing
import Contracts

@Suite("ResidentID (GB 11643-1999)", .tags(.unit))
struct ResidentIDTests {
    /// The two example numbers printed in GB 11643-1999 itself.
    @Test func standardExampleBeijing() throws {
        let id = try ResidentID("11010519491231002X")
        #expect(id.region.rawValue == "110105")  // 北京市朝阳区
        #expect(id.birthDate == (try CivilDate(iso: "1949-12-31")))
        #expect(id.sex == .female)
        #expect(id.rawValue == "11010519491231002X")
    }

    @Test func standardExampleGuangdong() throws {
        let id = try ResidentID("440524188001010014")
        #expect(id.region.province == "44")
        #expect(id.birthDate == (try CivilDate(iso: "1880-01-01")))
        #expect(id.sex == .male)
    }

    @Test func lowercaseXIsNormalised() throws {
        let id = try ResidentID("11010519491231002x")
        #expect(id.rawValue == "11010519491231002X")
        #expect(id == (try ResidentID("11010519491231002X")))
    }

    @Test func flippedDigitFailsCheck() {
        #expect(throws: ResidentIDError.badCheckDigit(expected: "8")) { try ResidentID("11010519491231003X") }
        #expect(throws: ResidentIDError.badCheckDigit(expected: "X")) { try ResidentID("110105194912310021") }
        #expect(ResidentIDError.badCheckDigit(expected: "X").code == "resident-id.bad-check-digit")
    }

    @Test func impossibleBirthDate() throws {
        // 1949-02-30 with a correct check character, so the date itself is what fails.
        let check = try #require(ResidentID.checkCharacter(for: "11010519490230002"))
        #expect(throws: ResidentIDError.invalidBirthDate) { try ResidentID("11010519490230002" + String(check)) }
    }

    @Test func futureBirthDateOnlyWithAsOf() throws {
        let id = ResidentID.make(region: try RegionCode("620423"), birth: try CivilDate(iso: "2030-05-01"), sequence: 12)
        #expect(throws: ResidentIDError.birthDateInFuture) {
            try ResidentID(id.rawValue, asOf: try CivilDate(iso: "2025-01-01"))
        }
        #expect(try ResidentID(id.rawValue).birthDate.iso == "2030-05-01")
        #expect(try ResidentID(id.rawValue, asOf: try CivilDate(iso: "2030-05-01")) == id)
    }

    @Test func unknownProvince() throws {
        let check = try #require(ResidentID.checkCharacter(for: "99010519491231002"))
        #expect(throws: ResidentIDError.unknownProvince) { try ResidentID("99010519491231002" + String(check)) }
    }

    @Test(arguments: ["", "11010519491231002", "11010519491231002XX", "110105194912310020 "])
    func wrongLength(_ text: String) {
        #expect(throws: ResidentIDError.wrongLength) { try ResidentID(text) }
    }

    @Test(arguments: ["1101051949123100A2", "11010519491231002Y", "１1010519491231002X", "X1010519491231002X"])
    func invalidCharacter(_ text: String) {
        #expect(throws: ResidentIDError.invalidCharacter) { try ResidentID(text) }
    }

    @Test func makeComputesCheckCharacterAndSex() throws {
        let region = try RegionCode("620423100001")  // a village; only the county part is used
        let birth = try CivilDate(iso: "1940-02-29")
        let man = ResidentID.make(region: region, birth: birth, sequence: 7)
        let woman = ResidentID.make(region: region, birth: birth, sequence: 8)
        #expect(man.rawValue == "620423194002290073")  // check character computed with Python
        #expect(man.sex == .male && woman.sex == .female)
        #expect(try ResidentID(man.rawValue) == man)
        #expect(man.region.rawValue == "620423")
        #expect(ResidentID.make(region: try RegionCode("110105"), birth: try CivilDate(iso: "1949-12-31"), sequence: 2).rawValue
                == "11010519491231002X")
    }

    @Test func ageIsBirthdayAware() throws {
        let id = try ResidentID("11010519491231002X")
        #expect(id.age(on: try CivilDate(iso: "2029-12-30")) == 79)
        #expect(id.age(on: try CivilDate(iso: "2029-12-31")) == 80)
        #expect(id.age(on: try CivilDate(iso: "1949-12-31")) == 0)
        #expect(id.age(on: try CivilDate(iso: "1949-12-30")) == -1)
    }

    @Test func leapDayBirthsAgeOnFirstOfMarch() throws {
        let id = ResidentID.make(region: try RegionCode("620423"), birth: try CivilDate(iso: "1944-02-29"), sequence: 11)
        #expect(id.age(on: try CivilDate(iso: "2024-02-28")) == 79)
        #expect(id.age(on: try CivilDate(iso: "2024-02-29")) == 80)
        #expect(id.age(on: try CivilDate(iso: "2025-02-28")) == 80)
        #expect(id.age(on: try CivilDate(iso: "2025-03-01")) == 81)
    }

    @Test func descriptionIsMaskedButCodableIsFull() throws {
        let id = try ResidentID("11010519491231002X")
        #expect("\(id)" == "110105********002X")
        let data = try JSONEncoder().encode(["id": id])
        #expect(String(decoding: data, as: UTF8.self) == #"{"id":"11010519491231002X"}"#)
        #expect(try JSONDecoder().decode([String: ResidentID].self, from: data)["id"] == id)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([ResidentID].self, from: Data(#"["110105194912310021"]"#.utf8))
        }
    }

    @Test func sexCodable() throws {
        let data = try JSONEncoder().encode([Sex.male, Sex.female])
        #expect(String(decoding: data, as: UTF8.self) == #"["male","female"]"#)
        #expect(Sex.female.chineseLabel == "女")
    }
}
