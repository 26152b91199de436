import Contracts

/// The grade on a 残疾人证 (disability certificate): 1 is the most severe, 4 the least.
///
/// Why grades 1–2 make 重残: 重度残疾 is grade 1 or 2 in national practice (残疾人两项补贴 pay the
/// 重度残疾人护理补贴 to grades 1–2); seed 002 L12 names 重残 without defining it, so this is
/// practice, not a quote. Assistance uses the same reading (AssistanceDomain's `DisabilityGrade`).
public enum DisabilityCertificateGrade: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case one = 1, two, three, four

    /// Refuses anything outside 1…4 (`elder.disability-grade-invalid`).
    public init(grade: Int) throws(RuleViolation) {
        guard let value = DisabilityCertificateGrade(rawValue: grade) else {
            throw RuleViolation.invalid("elder.disability-grade-invalid", "disability grade \(grade) is outside 1...4")
        }
        self = value
    }

    /// Grade 1 or 2: 重度残疾.
    public var isSevere: Bool { self <= .two }

    public static func < (lhs: DisabilityCertificateGrade, rhs: DisabilityCertificateGrade) -> Bool { lhs.rawValue < rhs.rawValue }
}
