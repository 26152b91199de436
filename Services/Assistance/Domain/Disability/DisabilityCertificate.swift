/// What the subsidies read from a person's 残疾人证: the type and the grade (1 most severe … 4).
public struct DisabilityCertificate: Sendable, Hashable, Codable {
    public let type: DisabilityType
    public let grade: DisabilityGrade

    public init(type: DisabilityType, grade: DisabilityGrade) {
        self.type = type
        self.grade = grade
    }
}
