import Contracts
import Foundation
@testable import Roster

/// Test helpers: literal values known to be valid.
enum RosterFixture {
    static func date(_ iso: String) -> CivilDate { try! CivilDate(iso: iso) }  // fixture, not input
    static func month(_ iso: String) -> YearMonth { try! YearMonth(iso: iso) }  // fixture, not input
    static func yuan(_ text: String) -> Money { try! Money(parsing: text) }  // fixture, not input
    static func region(_ code: String) -> RegionCode { try! RegionCode(code) }  // fixture, not input
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }  // fixture, not input

    /// Runs `body` and returns the `RuleViolation` it threw (nil if it did not throw).
    static func refusal<T>(_ body: () throws(RuleViolation) -> T) -> RuleViolation? {
        do { _ = try body(); return nil } catch { return error }
    }
}
