/// Why the section took an application off the list.
public enum RemovalReason: String, Sendable, Hashable, Codable, CaseIterable {
    case death
    /// No longer eligible (moved away, no longer in need).
    case ineligible
    /// Could not be reached, or other reasons the caseworker records.
    case other
}
