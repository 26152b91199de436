import Contracts

/// How an adoption ends (解除收养关系): registered at the office when the parties agree
/// (Civil Code art. 1116: 当事人协议解除收养关系的，应当到民政部门办理解除收养关系登记), or on a
/// court's judgment or mediation when they do not (arts. 1114–1115), whose document number
/// must then be given.
public struct AdoptionDissolution: Sendable, Hashable {
    public let basis: AdoptionDissolutionBasis
    /// The court document's number (案号); required for `.courtDocument`.
    public let documentNumber: String?

    public init(basis: AdoptionDissolutionBasis, documentNumber: String?) throws(RuleViolation) {
        if basis == .courtDocument, documentNumber == nil {
            throw .invalid("adoption.document-missing", "a court document number is required")
        }
        self.basis = basis
        self.documentNumber = documentNumber
    }

    /// `registration` or `court-document`.
    public static func basis(parsing text: String) throws(RuleViolation) -> AdoptionDissolutionBasis {
        guard let basis = AdoptionDissolutionBasis(rawValue: text) else {
            throw .invalid("adoption.unknown-basis", "basis must be registration or court-document")
        }
        return basis
    }
}
