import Contracts
import Foundation
@testable import Roster

/// Test helpers: literal values known to be valid.
enum RosterFixture {
    static func date(_ iso: String) throws -> CivilDate { try CivilDate(iso: iso) }
    static func month(_ iso: String) throws -> YearMonth { try YearMonth(iso: iso) }
    static func yuan(_ text: String) throws -> Money { try Money(parsing: text) }
    static func region(_ code: String) throws -> RegionCode { try RegionCode(code) }
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }  // fixture, not input

    /// Runs `body` and returns the `RuleViolation` it threw (nil if it did not throw). Any other
    /// error (a fixture value that does not parse) is not a refusal: it fails the test.
    static func refusal<T>(_ body: () throws -> T) throws -> RuleViolation? {
        do { _ = try body(); return nil } catch let violation as RuleViolation { return violation }
    }
}
