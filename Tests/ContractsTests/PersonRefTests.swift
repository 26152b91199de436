import Foundation
import TestKit
import Testing
import Contracts

@Suite("PersonRef (HMAC-SHA256 pseudonym)", .tags(.unit))
struct PersonRefTests {
    /// Key bytes 0x00…0x1f.
    static let keyHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

    /// Known answers computed independently with Python:
    /// `"pr_" + hmac.new(bytes(range(32)), b"11010519491231002X", hashlib.sha256).hexdigest()`.
    @Test func knownAnswerVectors() throws {
        let key = try PersonRefKey(hex: Self.keyHex)
        #expect(PersonRef.derive(from: try ResidentID("11010519491231002X"), key: key).rawValue
                == "pr_a66755453b106dcea0cfa264214ae59ff1e8b067f3e5f3aa8085e1d8757880eb")
        #expect(PersonRef.derive(from: try ResidentID("440524188001010014"), key: key).rawValue
                == "pr_1cc6ed93e7862a8155ddc02e0c87aedac8706a4290a6affe05a30cc42e3bf146")
        let other = try PersonRefKey(bytes: Array(repeating: 0xA5, count: 32))
        #expect(PersonRef.derive(from: try ResidentID("11010519491231002X"), key: other).rawValue
                == "pr_06d48bf00c73765a0ff584442db9bc59c11408d2cfb1fd248e695f3fa2ffcbf4")
    }

    @Test func deterministicAndKeyDependent() throws {
        let key = try PersonRefKey(hex: Self.keyHex)
        let sameKey = try PersonRefKey(bytes: Array(0..<32))
        let otherKey = try PersonRefKey(hex: String(repeating: "A5", count: 32))
        let id = try ResidentID("11010519491231002X")
        #expect(PersonRef.derive(from: id, key: key) == PersonRef.derive(from: id, key: sameKey))
        #expect(PersonRef.derive(from: id, key: key) != PersonRef.derive(from: id, key: otherKey))
        // Lower-case x is the same person.
        #expect(PersonRef.derive(from: try ResidentID("11010519491231002x"), key: key) == PersonRef.derive(from: id, key: key))
        #expect(PersonRef.derive(from: try ResidentID("440524188001010014"), key: key) != PersonRef.derive(from: id, key: key))
    }

    @Test func keyValidation() {
        #expect(throws: PersonRefError.keyTooShort(bytes: 31)) { try PersonRefKey(bytes: Array(repeating: 1, count: 31)) }
        #expect(throws: PersonRefError.keyTooShort(bytes: 16)) { try PersonRefKey(hex: String(repeating: "ab", count: 16)) }
        #expect(throws: PersonRefError.invalidKeyHex) { try PersonRefKey(hex: String(repeating: "zz", count: 32)) }
        #expect(throws: PersonRefError.invalidKeyHex) { try PersonRefKey(hex: String(repeating: "a", count: 65)) }
        #expect((try? PersonRefKey(hex: Self.keyHex))?.description == "PersonRefKey(<redacted>)")
    }

    @Test func rawValueValidation() throws {
        let valid = "pr_" + String(repeating: "0f", count: 32)
        #expect(try PersonRef(rawValue: valid).rawValue == valid)
        for bad in ["", "pr_", "pr_" + String(repeating: "0F", count: 32), "px_" + String(repeating: "0f", count: 32),
                    "pr_" + String(repeating: "0f", count: 31), valid + "0", "pr_" + String(repeating: "g", count: 64)] {
            #expect(throws: PersonRefError.malformed) { try PersonRef(rawValue: bad) }
        }
        #expect(PersonRefError.malformed.code == "person-ref.malformed")
    }

    @Test func codableAsString() throws {
        let ref = PersonRef.derive(from: try ResidentID("11010519491231002X"), key: try PersonRefKey(hex: Self.keyHex))
        let data = try JSONEncoder().encode(["person": ref])
        #expect(String(decoding: data, as: UTF8.self) == #"{"person":"\#(ref.rawValue)"}"#)
        #expect(try JSONDecoder().decode([String: PersonRef].self, from: data)["person"] == ref)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([PersonRef].self, from: Data(#"["11010519491231002X"]"#.utf8))
        }
    }
}
