/// Where a subsidy grant stands.
public enum DisabilitySubsidyStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case active
    /// 渐退: eligibility ended; paid through the exit's last month.
    case exiting
    /// Stopped by a death, from the month after it (undone if the death is annulled).
    case stopped
}
