/// Where a case stands.
public enum CaseStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case active
    /// Ending: paid until its last month (渐退, or a 特困 review that found no basis), then terminated.
    case exiting
    /// Not paid from a month on (a sole recipient's death).
    case suspended
    case terminated
}
