import Contracts

/// An institution's grade (等级评定), 1 to 5 (5 the highest), and the day it was awarded.
///
/// Seed 002 L10–L11, L14: "全面开展养老机构等级评定工作" under interim grading rules; seed 001 L26 requires
/// every 敬老院 to reach the 二级 standard. The five grades are the national scale (GB/T 37276-2018
/// 《养老机构等级划分与评定》; not a seed text).
public struct InstitutionGrade: Sendable, Hashable, Codable, Comparable {
    public let grade: Int
    public let awardedOn: CivilDate

    /// Refuses a grade outside 1…5 (`institution.grade-invalid`).
    public init(grade: Int, awardedOn: CivilDate) throws(RuleViolation) {
        guard (1...5).contains(grade) else {
            throw RuleViolation.invalid("institution.grade-invalid", "an institution's grade is 1...5, not \(grade)")
        }
        self.grade = grade
        self.awardedOn = awardedOn
    }

    public static func < (lhs: InstitutionGrade, rhs: InstitutionGrade) -> Bool {
        (lhs.grade, lhs.awardedOn) < (rhs.grade, rhs.awardedOn)
    }
}
