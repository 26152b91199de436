import Contracts
import Foundation
@testable import ElderCareDomain

/// Test helpers: values built from literals, throwing where the value type validates.
enum ElderCareDomainFixture {
    static func date(_ iso: String) throws -> CivilDate { try CivilDate(iso: iso) }
    static func month(_ iso: String) throws -> YearMonth { try YearMonth(iso: iso) }
    static func region(_ code: String) throws -> RegionCode { try RegionCode(code) }
    static func yuan(_ amount: Int64) -> Money { Money(yuan: amount) }

    /// 景泰县, 白银市, 甘肃省.
    static func jingtai() throws -> RegionCode { try region("620423") }

    /// A resident ID of Jingtai born on `born` (odd sequence: a man; even: a woman).
    static func id(born: String, sequence: Int = 32) throws -> ResidentID {
        ResidentID.make(region: try jingtai(), birth: try date(born), sequence: sequence)
    }

    static func person(_ n: Int) throws -> PersonRef {
        let hex = String(n, radix: 16)
        return try PersonRef(rawValue: "pr_" + String(repeating: "0", count: 64 - hex.count) + hex)
    }

    /// `hour` o'clock Beijing time on `day`.
    static func instant(_ day: String, hour: Int = 9, minute: Int = 0) throws -> Date {
        let seconds = try date(day).daysSinceEpoch * 86_400 + (hour - 8) * 3_600 + minute * 60
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// A valid credit code with the given authority and type characters.
    static func creditCode(_ authority: Character, _ type: Character, base: String = "MA0000AB") throws -> CreditCode {
        try CreditCode.make(authority: authority, type: type, region: try jingtai(), organisationCodeBase8: base)
    }

    static func evidence(_ reference: String = "村委会证明 2025-017") throws -> CategoryEvidence {
        try CategoryEvidence(kind: .committeeAttestation, reference: reference)
    }

    /// Every item at its maximum, less the given points.
    static func scores(minus reductions: [CapabilityItem: Int] = [:]) -> [CapabilityItem: Int] {
        Dictionary(uniqueKeysWithValues: CapabilityItem.allCases.map { ($0, $0.maximumScore - (reductions[$0] ?? 0)) })
    }

    /// Runs `body` and returns the `RuleViolation` it threw (nil if it did not throw).
    static func refusal<T>(_ body: () throws(RuleViolation) -> T) -> RuleViolation? {
        do { _ = try body(); return nil } catch { return error }
    }
}
