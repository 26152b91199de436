import Contracts
import Testing
@testable import RegistryDomain

/// Shared helpers for the Registry domain tests (named so as not to clash with other test files).
enum RegistryDomainFixture {
    /// 景泰县.
    static var region: RegionCode { get throws { try RegionCode("620423") } }

    static func day(_ iso: String) throws -> CivilDate { try CivilDate(iso: iso) }

    /// A man's ID (odd sequence) born on `born`; vary `sequence` (odd) for different men.
    static func man(born: String, sequence: Int = 1) throws -> ResidentID {
        precondition(sequence % 2 == 1)
        return try ResidentID.make(region: region, birth: day(born), sequence: sequence)
    }

    /// A woman's ID (even sequence) born on `born`.
    static func woman(born: String, sequence: Int = 2) throws -> ResidentID {
        precondition(sequence % 2 == 0)
        return try ResidentID.make(region: region, birth: day(born), sequence: sequence)
    }

    static func person(_ sex: Sex, born: String) throws -> ResidentID {
        try sex == .male ? man(born: born) : woman(born: born)
    }

    /// The refusal thrown by `body`, or nil if it succeeded. Any other error (a fixture value that
    /// does not parse) is not a refusal: it fails the test.
    static func refusal(_ body: () throws -> Void) throws -> RuleViolation? {
        do {
            try body()
            return nil
        } catch let violation as RuleViolation {
            return violation
        }
    }
}
