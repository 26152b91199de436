/// Which level of government took an approval decision (审核确认).
///
/// Counties approve by default; a county may devolve 审核确认 of 低保 and 特困 to its townships
/// (乡镇人民政府 / 街道办事处).
public enum ApprovalLevel: String, Codable, Sendable, CaseIterable {
    /// County civil-affairs bureau (县级民政部门).
    case county
    /// Township government or sub-district office, under devolved approval.
    case township
}
