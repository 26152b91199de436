import Foundation

/// `civil.eldercare.institution-filed.v1`: civil affairs recorded the filing (备案) of an elder-care
/// institution. Keyed by the institution id (lower-case), like its grades and bed changes.
public struct InstitutionFiled: DomainEvent {
    public static let eventType = EventType(.eldercare, "institution-filed", version: 1)

    public var institutionID: UUID
    public var name: String
    /// The operator's unified social credit code (统一社会信用代码).
    public var operatorCode: CreditCode
    /// `public-body`, `social-organisation`, `enterprise` or `other`, read from the credit code.
    public var operatorKind: String
    /// `public` (公办) or `private` (民办).
    public var ownership: String
    /// `welfare-home`, `extreme-poverty-support` (敬老院) or `care-home`.
    public var kind: String
    public var region: RegionCode
    public var filedOn: CivilDate

    public init(institutionID: UUID, name: String, operatorCode: CreditCode, operatorKind: String, ownership: String, kind: String,
                region: RegionCode, filedOn: CivilDate) {
        self.institutionID = institutionID
        self.name = name
        self.operatorCode = operatorCode
        self.operatorKind = operatorKind
        self.ownership = ownership
        self.kind = kind
        self.region = region
        self.filedOn = filedOn
    }

    public var aggregateID: String { institutionID.uuidString.lowercased() }
}
