import Contracts
import Foundation

/// An elder-care institution as filed (备案) with civil affairs: operator, ownership, kind, where,
/// when filed, its grade and its beds.
///
/// Filing replaced licensing: "将‘设立许可’改‘备案登记’" (seed 004 L17; 养老机构管理办法 2020). The filing
/// names the operator by its unified social credit code (``CreditCode``), which also says what kind
/// of body it is (``OperatorKind``).
public struct ElderCareInstitution: Sendable, Hashable, Codable {
    public let name: String
    public let operatorCode: CreditCode
    public let ownership: InstitutionOwnership
    public let kind: InstitutionKind
    /// The county (or township) where it stands.
    public let region: RegionCode
    public let filedOn: CivilDate
    public private(set) var grade: InstitutionGrade?
    public private(set) var beds: BedInventory

    /// Refuses an empty name (`institution.name-missing`) and a private institution filed as a
    /// 特困 support institution or welfare home (`institution.kind-needs-public-ownership`: those are
    /// public by definition, seed 003 L12 第一章（四） "公办养老机构4所，其中社会福利院1所，农村敬老院3所").
    public init(name: String, operatorCode: CreditCode, ownership: InstitutionOwnership, kind: InstitutionKind, region: RegionCode,
                filedOn: CivilDate, beds: BedInventory = .empty) throws(RuleViolation) {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw RuleViolation.invalid("institution.name-missing", "an institution is filed under its name")
        }
        if ownership == .private, kind != .careHome {
            throw RuleViolation("institution.kind-needs-public-ownership", "a \(kind.rawValue) is a public institution")
        }
        self.name = trimmed
        self.operatorCode = operatorCode
        self.ownership = ownership
        self.kind = kind
        self.region = region
        self.filedOn = filedOn
        self.beds = beds
    }

    public var operatorKind: OperatorKind { OperatorKind(creditCode: operatorCode) }

    /// Records a grade. Refuses a grade awarded before the filing (`institution.graded-before-filing`)
    /// or before the grade it replaces (`institution.grade-out-of-order`, 409).
    public mutating func grade(_ grade: InstitutionGrade) throws(RuleViolation) {
        guard grade.awardedOn >= filedOn else {
            throw RuleViolation("institution.graded-before-filing", "graded on \(grade.awardedOn), before the filing on \(filedOn)")
        }
        if let current = self.grade, grade.awardedOn < current.awardedOn {
            throw RuleViolation("institution.grade-out-of-order", "a grade of \(current.awardedOn) is already recorded", kind: .conflict)
        }
        self.grade = grade
    }

    public mutating func changeBeds(to beds: BedInventory) {
        self.beds = beds
    }
}
