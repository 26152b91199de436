import Contracts

/// Who takes the approval decision (审核确认).
///
/// Why configurable: the plan supports devolving 审核确认 of 低保 and 特困 to townships
/// ("支持将低保、特困等社会救助审核确认权限下放至乡镇", 《景泰县“十四五”民政事业发展规划》第三章（一）2; also 济民发〔2022〕3号《2022年全市民政工作要点》第7项).
public enum ApprovalAuthority: String, Sendable, Hashable, Codable, CaseIterable {
    /// County civil-affairs bureau (县级民政部门).
    case county
    /// Township government (乡镇人民政府 / 街道办事处).
    case township
}
