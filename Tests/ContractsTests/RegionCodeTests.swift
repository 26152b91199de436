import Foundation
import TestKit
import Testing
import Contracts

@Suite("RegionCode (GB/T 2260 + NBS township/village)", .tags(.unit))
struct RegionCodeTests {
    // 620000 甘肃省 > 620400 白银市 > 620423 景泰县 > 620423100 a township > 620423100001 a village.
    @Test func levels() throws {
        #expect(try RegionCode("620000").level == .province)
        #expect(try RegionCode("620400").level == .prefecture)
        #expect(try RegionCode("620423").level == .county)
        #expect(try RegionCode("620423100").level == .township)
        #expect(try RegionCode("620423100001").level == .village)
        #expect(try RegionCode("110105").level == .county)  // 北京市朝阳区
    }

    @Test func parts() throws {
        let village = try RegionCode("620423100001")
        #expect(village.province == "62")
        #expect(village.provinceName == "甘肃省")
        #expect(village.county.rawValue == "620423")
        #expect(village.township?.rawValue == "620423100")
        #expect(try RegionCode("620423").township == nil)
        #expect(village.parent?.rawValue == "620423100")
        #expect(try RegionCode("620423100").parent?.rawValue == "620423")
        #expect(try RegionCode("620423").parent?.rawValue == "620400")
        #expect(try RegionCode("620400").parent?.rawValue == "620000")
        #expect(try RegionCode("620000").parent == nil)
        #expect(try RegionCode("110105").provinceRegion.rawValue == "110000")
    }

    @Test func containment() throws {
        let gansu = try RegionCode("620000")
        let baiyin = try RegionCode("620400")
        let jingtai = try RegionCode("620423")
        let township = try RegionCode("620423100")
        let village = try RegionCode("620423100001")
        let chaoyang = try RegionCode("110105")
        for inner in [baiyin, jingtai, township, village] { #expect(gansu.contains(inner)) }
        #expect(baiyin.contains(jingtai) && baiyin.contains(village))
        #expect(jingtai.contains(township) && jingtai.contains(village))
        #expect(township.contains(village))
        #expect(jingtai.contains(jingtai))
        #expect(!jingtai.contains(baiyin))
        #expect(!baiyin.contains(gansu))
        #expect(!village.contains(township))
        #expect(!gansu.contains(chaoyang))
        #expect(!township.contains(try RegionCode("620423101001")))
    }

    @Test func nbsPaddedCodesAreCanonicalised() throws {
        #expect(try RegionCode("620423100000") == RegionCode("620423100"))
        #expect(try RegionCode("620423000000").rawValue == "620423")
        #expect(try RegionCode("620423000").level == .county)
    }

    @Test func errors() {
        #expect(throws: RegionCodeError.wrongLength(5)) { try RegionCode("62042") }
        #expect(throws: RegionCodeError.invalidCharacter) { try RegionCode("62042A") }
        #expect(throws: RegionCodeError.unknownProvince("99")) { try RegionCode("990101") }
        #expect(throws: RegionCodeError.unknownProvince("10")) { try RegionCode("100000") }
        #expect(RegionCodeError.invalidCharacter.code == "region-code.invalid-character")
    }

    @Test func codableAsString() throws {
        let code = try RegionCode("620423100001")
        let data = try JSONEncoder().encode([code])
        #expect(String(decoding: data, as: UTF8.self) == #"["620423100001"]"#)
        #expect(try JSONDecoder().decode([RegionCode].self, from: data) == [code])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([RegionCode].self, from: Data(#"["6204"]"#.utf8)) }
    }
}
