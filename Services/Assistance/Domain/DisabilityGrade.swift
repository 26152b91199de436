import Contracts

/// Disability grade on the 残疾人证 (1 = most severe … 4).
///
/// Why grades 1–2 are "severe": 重度残疾 is grade 1 or 2 in national practice (残疾人两项补贴,
/// 重度残疾人护理补贴). The plan uses 重残 without defining it (《景泰县“十四五”民政事业发展规划》第三章（一）1); this mapping is
/// practice, not a quote.
public enum DisabilityGrade: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case one = 1, two, three, four

    /// Refuses anything outside 1…4 (`member.disability-grade-invalid`).
    public init(grade: Int) throws(RuleViolation) {
        guard let value = DisabilityGrade(rawValue: grade) else {
            throw RuleViolation.invalid("member.disability-grade-invalid", "disability grade \(grade) is outside 1...4")
        }
        self = value
    }

    /// Grade 1 or 2 (重度).
    public var isSevere: Bool { self <= .two }

    public static func < (lhs: DisabilityGrade, rhs: DisabilityGrade) -> Bool { lhs.rawValue < rhs.rawValue }
}
