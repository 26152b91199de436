import Foundation
import Contracts

/// What a caseworker relied on to record a key category: the kind of evidence and a reference
/// to it (a certificate number, a visit record id, a file number). The reference is kept as
/// given; it names a document, not a person.
///
/// Why required: a category decides visits, priority and statistics, so an auditor must be able
/// to see why a person is in it (seed 002 L12 asks for an "电子档案台账"). Service rule.
public struct CategoryEvidence: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A certificate another body issued (计划生育特别扶助证明, 残疾人证, …).
        case certificate
        /// What the caseworker saw on a home visit (入户核实).
        case homeVisit = "home-visit"
        /// The village or community committee's attestation (村/居委会证明).
        case committeeAttestation = "committee-attestation"
        /// A hospital's diagnosis (失智).
        case medicalDiagnosis = "medical-diagnosis"
        /// The person's or the family's signed declaration.
        case declaration
    }

    public let kind: Kind
    public let reference: String

    /// Refuses an empty reference (`elder-category.evidence-missing`).
    public init(kind: Kind, reference: String) throws(RuleViolation) {
        let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw RuleViolation.invalid("elder-category.evidence-missing", "a recorded category needs a reference to its evidence")
        }
        self.kind = kind
        self.reference = trimmed
    }
}
