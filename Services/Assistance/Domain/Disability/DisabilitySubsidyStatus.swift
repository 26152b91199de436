/// Where a subsidy grant stands.
public enum DisabilitySubsidyStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case active
    /// 渐退: eligibility ended; paid through the exit's last month.
    case exiting
    /// Stopped by a death, from the month after it (undone if the death is annulled).
    case stopped
    /// The 渐退 ran its course: its last paid month has passed. Nothing more is paid, and the
    /// person may be granted the same kind again (``DisabilitySubsidy/endExit(before:)``).
    case ended

    /// Active or still exiting: a subsidy that prevents a second grant of its kind to the person.
    public var blocksNewGrant: Bool {
        switch self {
        case .active, .exiting: true
        case .stopped, .ended: false
        }
    }
}
