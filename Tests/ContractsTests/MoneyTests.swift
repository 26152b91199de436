import Foundation
import TestKit
import Testing
import Contracts

@Suite("Money (integer fen)", .tags(.unit))
struct MoneyTests {
    @Test func parsingIsExact() throws {
        #expect(try Money(parsing: "577.00").fen == 57_700)
        #expect(try Money(parsing: "577").fen == 57_700)
        #expect(try Money(parsing: "577.5").fen == 57_750)
        #expect(try Money(parsing: "0.01").fen == 1)
        #expect(try Money(parsing: "-0.10").fen == -10)
        #expect(try Money(parsing: "92233720368547758.07").fen == Int64.max)
    }

    @Test(arguments: ["", "-", ".5", "5.", "1,234.00", "+1", " 1", "1e3", "1.2.3", "¥5", "--1"])
    func parsingRejectsMalformed(_ text: String) {
        #expect(throws: MoneyError.malformed(text)) { try Money(parsing: text) }
    }

    @Test func parsingRejectsSubFenAndOverflow() {
        #expect(throws: MoneyError.tooManyDecimals("0.001")) { try Money(parsing: "0.001") }
        #expect(throws: MoneyError.overflow) { try Money(parsing: "92233720368547758.08") }
        #expect(throws: MoneyError.overflow) { try Money(parsing: "99999999999999999999") }
        #expect(MoneyError.overflow.code == "money.overflow")
    }

    @Test func description() {
        #expect(Money(yuan: 577).description == "577.00")
        #expect(Money(fen: 5).description == "0.05")
        #expect(Money(fen: -75_010).description == "-750.10")
        #expect(Money(fen: Int64.min).description == "-92233720368547758.08")
    }

    @Test func annualStandardsSplitIntoMonths() throws {
        // 4428 元/年 → 369.00 元/月; 9012 元/年 → 751.00 元/月.
        let low = try Money(yuan: 4428).dividedEvenly(into: 12)
        #expect(low == Array(repeating: Money(yuan: 369), count: 12))
        let high = try Money(yuan: 9012).dividedEvenly(into: 12)
        #expect(high.allSatisfy { $0.description == "751.00" })
        #expect(try Money.sum(high) == Money(yuan: 9012))
    }

    @Test func dividedEvenlySumsBackExactly() throws {
        let parts = try Money(yuan: 100).dividedEvenly(into: 3)
        #expect(parts.map(\.description) == ["33.34", "33.33", "33.33"])
        #expect(try Money.sum(parts) == Money(yuan: 100))
        let negative = try Money(fen: -100).dividedEvenly(into: 3)
        #expect(negative.map(\.fen) == [-34, -33, -33])
        #expect(throws: MoneyError.divisionByZero) { try Money(yuan: 1).dividedEvenly(into: 0) }
    }

    @Test func ratioMultiplication() throws {
        // 1.3 × 577.00 = 750.10 (e.g. a 1.3 coefficient on the 低保 standard).
        let standard = try Money(parsing: "577.00")
        #expect(try standard.multiplied(byRatio: 13, denominator: 10, rounding: .halfUp).description == "750.10")
        // 577.00 / 3 = 192.333…
        #expect(try standard.multiplied(byRatio: 1, denominator: 3, rounding: .down).fen == 19_233)
        #expect(try standard.multiplied(byRatio: 1, denominator: 3, rounding: .up).fen == 19_234)
        #expect(try standard.multiplied(byRatio: 1, denominator: 3, rounding: .halfUp).fen == 19_233)
        // 0.05 / 2 = 0.025: half cases.
        let five = Money(fen: 5)
        #expect(try five.divided(by: 2, rounding: .halfUp).fen == 3)
        #expect(try five.divided(by: 2, rounding: .halfEven).fen == 2)
        #expect(try Money(fen: 7).divided(by: 2, rounding: .halfEven).fen == 4)
        #expect(try Money(fen: -5).divided(by: 2, rounding: .halfUp).fen == -3)
        #expect(try Money(fen: -5).divided(by: 2, rounding: .down).fen == -2)
        #expect(try Money(fen: 5).multiplied(byRatio: 1, denominator: -2, rounding: .up).fen == -3)
        #expect(throws: MoneyError.divisionByZero) { try standard.multiplied(byRatio: 1, denominator: 0, rounding: .down) }
    }

    @Test func ratioUsesWideIntermediate() throws {
        // Int64.max × 3 / 3 overflows 64-bit intermediates but not the 128-bit one.
        let big = Money(fen: Int64.max)
        #expect(try big.multiplied(byRatio: 3, denominator: 3, rounding: .down) == big)
        #expect(throws: MoneyError.overflow) { try big.multiplied(byRatio: 2, denominator: 1, rounding: .down) }
    }

    @Test func allocationByRatios() throws {
        let parts = try Money(yuan: 100).allocated(byRatios: [1, 1, 1])
        #expect(parts.map(\.fen) == [3334, 3333, 3333])
        let weighted = try Money(fen: 1001).allocated(byRatios: [50, 30, 20])
        #expect(weighted.map(\.fen).reduce(0, +) == 1001)
        #expect(weighted.map(\.fen) == [501, 300, 200])
        #expect(try Money(fen: 10).allocated(byRatios: [0, 1]).map(\.fen) == [0, 10])
        #expect(throws: MoneyError.invalidRatios) { try Money(fen: 10).allocated(byRatios: [0, 0]) }
        #expect(throws: MoneyError.invalidRatios) { try Money(fen: 10).allocated(byRatios: [-1, 2]) }
        #expect(throws: MoneyError.invalidRatios) { try Money(fen: 10).allocated(byRatios: []) }
    }

    @Test func arithmeticAndComparison() throws {
        let a = Money(yuan: 369)
        let b = try Money(parsing: "0.50")
        #expect((a + b).description == "369.50")
        #expect((a - b).description == "368.50")
        #expect((a * 12).description == "4428.00")
        #expect((-b).fen == -50)
        #expect(b < a)
        #expect([a, b, .zero].sorted() == [.zero, b, a])
        #expect(throws: MoneyError.overflow) { try Money(fen: Int64.max).adding(Money(fen: 1)) }
        #expect(throws: MoneyError.overflow) { try Money(fen: Int64.min).subtracting(Money(fen: 1)) }
        #expect(throws: MoneyError.overflow) { try Money(fen: Int64.max).multiplied(by: 2) }
        #expect(throws: MoneyError.overflow) { try Money(checkedYuan: Int64.max) }
    }

    @Test func codableAsIntegerFen() throws {
        let data = try JSONEncoder().encode(["amount": Money(yuan: 577)])
        #expect(String(decoding: data, as: UTF8.self) == #"{"amount":57700}"#)
        #expect(try JSONDecoder().decode([String: Money].self, from: data)["amount"] == Money(yuan: 577))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Money].self, from: Data("[577.5]".utf8)) }
    }
}
