import Contracts
import Foundation
import RegistryDomain

/// The refusals several routes and use cases share, worded once.
extension RuleViolation {
    static func marriageNotFound(_ id: UUID) -> RuleViolation {
        RuleViolation("marriage.not-found", "no marriage \(id)", kind: .notFound)
    }

    static func divorceNotFound(_ id: UUID) -> RuleViolation {
        RuleViolation("divorce.not-found", "no divorce application \(id)", kind: .notFound)
    }

    static func certificateNotFound(_ number: CertificateNumber) -> RuleViolation {
        RuleViolation("certificate.not-found", "no certificate \(number.rawValue)", kind: .notFound)
    }

    static func deathNotFound(_ id: UUID) -> RuleViolation {
        RuleViolation("death.not-found", "no death record \(id)", kind: .notFound)
    }

    /// A well-formed office code that names no registration office.
    static func unknownOffice(_ office: RegistrationOfficeCode) -> RuleViolation {
        .invalid("office.unknown", "no registration office \(office.rawValue)")
    }
}
