import Contracts
import Testing
@testable import RegistryDomain

/// Shared helpers for the Registry domain tests (named so as not to clash with other test files).
enum RegistryDomainFixture {
    static let region = try! RegionCode("620423")  // 景泰县

    static func day(_ iso: String) -> CivilDate { try! CivilDate(iso: iso) }

    /// A man's ID (odd sequence) born on `born`; vary `sequence` (odd) for different men.
    static func man(born: String, sequence: Int = 1) -> ResidentID {
        precondition(sequence % 2 == 1)
        return ResidentID.make(region: region, birth: day(born), sequence: sequence)
    }

    /// A woman's ID (even sequence) born on `born`.
    static func woman(born: String, sequence: Int = 2) -> ResidentID {
        precondition(sequence % 2 == 0)
        return ResidentID.make(region: region, birth: day(born), sequence: sequence)
    }

    static func person(_ sex: Sex, born: String) -> ResidentID {
        sex == .male ? man(born: born) : woman(born: born)
    }

    /// The refusal thrown by `body`, or nil if it succeeded.
    static func refusal(_ body: () throws(RuleViolation) -> Void) -> RuleViolation? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }
}
