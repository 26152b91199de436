import Contracts
import Foundation
import TestKit
import Testing

/// The value types that travel as one JSON string share their coding: canonical text out,
/// the validating parser in, and its stable error code in the decoding error.
@Suite("Single-value coding of value types", .tags(.unit))
struct SingleValueCodableTests {
    struct Holder<Value: Codable & Equatable>: Codable, Equatable { var value: Value }

    static func roundTrip<Value: Codable & Equatable>(_ value: Value) throws -> String {
        let json = String(decoding: try JSONEncoder().encode(Holder(value: value)), as: UTF8.self)
        #expect(try JSONDecoder().decode(Holder<Value>.self, from: Data(json.utf8)) == Holder(value: value))
        return json
    }

    /// The code the decoding error `json` raises for `Value` starts with (its `debugDescription` up
    /// to the first colon), or what happened instead.
    static func decodingFailureCode<Value: Codable & Equatable>(_: Value.Type, _ json: String) -> String {
        do {
            _ = try JSONDecoder().decode(Holder<Value>.self, from: Data(json.utf8))
            return "decoded"
        } catch DecodingError.dataCorrupted(let context) {
            return String(context.debugDescription.prefix { $0 != ":" })
        } catch {
            return "\(error)"
        }
    }

    @Test func canonicalTextOut() throws {
        #expect(try Self.roundTrip(CivilDate(iso: "2026-03-14")) == #"{"value":"2026-03-14"}"#)
        #expect(try Self.roundTrip(YearMonth(iso: "2026-04")) == #"{"value":"2026-04"}"#)
        #expect(try Self.roundTrip(RegionCode("620423000000")) == #"{"value":"620423"}"#)
        #expect(try Self.roundTrip(CreditCode("91350100m000100y43")) == #"{"value":"91350100M000100Y43"}"#)
        #expect(try Self.roundTrip(ResidentID("11010519491231002x")) == #"{"value":"11010519491231002X"}"#)
        let ref = "pr_" + String(repeating: "0f", count: 32)
        #expect(try Self.roundTrip(PersonRef(rawValue: ref)) == #"{"value":"\#(ref)"}"#)
    }

    @Test func malformedTextFailsWithTheParsersCode() {
        #expect(Self.decodingFailureCode(CivilDate.self, #"{"value":"2026-02-30"}"#) == "civil-date.invalid-day")
        #expect(Self.decodingFailureCode(YearMonth.self, #"{"value":"2026-13"}"#) == "civil-date.invalid-month")
        #expect(Self.decodingFailureCode(RegionCode.self, #"{"value":"62"}"#) == "region-code.wrong-length")
        #expect(Self.decodingFailureCode(CreditCode.self, #"{"value":"913501"}"#) == "credit-code.wrong-length")
        #expect(Self.decodingFailureCode(ResidentID.self, #"{"value":"110105194912310021"}"#) == "resident-id.bad-check-digit")
        #expect(Self.decodingFailureCode(PersonRef.self, #"{"value":"pr_xyz"}"#) == "person-ref.malformed")
    }
}
