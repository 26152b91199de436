import Foundation

/// `civil.eldercare.institution-graded.v1`: an institution was graded (等级评定, 1–5). Keyed by the
/// institution id (lower-case).
public struct InstitutionGraded: DomainEvent {
    public static let eventType = EventType(.eldercare, "institution-graded", version: 1)

    public var institutionID: UUID
    public var region: RegionCode
    public var grade: Int
    public var awardedOn: CivilDate

    public init(institutionID: UUID, region: RegionCode, grade: Int, awardedOn: CivilDate) {
        self.institutionID = institutionID
        self.region = region
        self.grade = grade
        self.awardedOn = awardedOn
    }

    public var aggregateID: String { institutionID.uuidString.lowercased() }
}
