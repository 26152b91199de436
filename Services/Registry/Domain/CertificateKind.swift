import Contracts

/// Which certificate a number belongs to; its raw value is the number's leading letter(s).
///
/// Why these letters: they follow the national practice of marriage-certificate 字号 —
/// 结婚证 "J…" (结), 离婚证 "L…" (离) — and prefix "B" (补) for a reissued certificate
/// (补领结婚证 "BJ…", 补领离婚证 "BL…"), so a clerk can tell the kind at a glance and a reissue
/// never collides with the original's serial series. The four kinds are the four the plan counts
/// separately (《景泰县"十四五"民政事业发展规划》第一章（七）: 结婚登记, 离婚登记, 补领结婚证, 补领离婚证).
public enum CertificateKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// 结婚证.
    case marriage = "J"
    /// 离婚证.
    case divorce = "L"
    /// 补领结婚证 (reissued marriage certificate).
    case marriageReissue = "BJ"
    /// 补领离婚证 (reissued divorce certificate).
    case divorceReissue = "BL"
    /// 收养登记证 (adoption registration certificate).
    case adoption = "SY"

    public var description: String { rawValue }
}
