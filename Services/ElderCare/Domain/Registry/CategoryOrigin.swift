/// Where a key category comes from.
public enum CategoryOrigin: Sendable, Hashable, CustomStringConvertible {
    case derived(CategorySource)
    case recorded
    /// Derived where the source knows, otherwise recorded by a caseworker.
    case derivedOrRecorded(CategorySource)

    public var description: String {
        switch self {
        case .derived(let source): "derived from the \(source.rawValue)"
        case .recorded: "recorded by a caseworker"
        case .derivedOrRecorded(let source): "derived from the \(source.rawValue) or recorded by a caseworker"
        }
    }
}

/// The record another part of the system keeps, from which a category follows.
public enum CategorySource: String, Sendable, Hashable, Codable {
    /// The birth date in the resident ID.
    case age
    /// Assistance's `benefit-granted` / `benefit-terminated` (特困, 低保).
    case assistanceCoverage = "assistance-coverage"
    /// The disability certificate's grade (残疾人证).
    case disabilityCertificate = "disability-certificate"
    /// The latest capability assessment (GB/T 42195-2022).
    case capabilityAssessment = "capability-assessment"
}
