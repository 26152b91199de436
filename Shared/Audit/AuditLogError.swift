/// Failures of the audit log that are not PostgreSQL's own errors.
public enum AuditLogError: Error, Equatable, CustomStringConvertible {
    /// The INSERT succeeded but returned no row: something (a rule, a trigger returning NULL) is
    /// swallowing audit rows.
    case noRowReturned

    public var description: String {
        switch self {
        case .noRowReturned: "the audit INSERT returned no row: is a rule or trigger discarding audit rows?"
        }
    }
}
