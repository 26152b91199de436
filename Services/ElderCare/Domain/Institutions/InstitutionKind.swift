/// What an institution is for: whether it is a 特困 support institution matters for the
/// nursing-bed target of seed 002 L10.
public enum InstitutionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 社会福利院 / 社会福利服务中心 (county level).
    case welfareHome = "welfare-home"
    /// 特困人员供养服务设施（敬老院）, including a 乡镇综合养老服务中心 converted from one (seed 003 L14).
    case extremePovertySupport = "extreme-poverty-support"
    /// Any other 养老机构 (养老院, 护理院-type care homes).
    case careHome = "care-home"
}
