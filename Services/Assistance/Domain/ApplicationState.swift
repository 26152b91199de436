import Contracts

/// The state of an assistance application (低保 / 特困 / 临时救助).
///
/// Sequence: submitted → economic verification (核对) → township review with a home visit →
/// public notice (公示) → approval → granted | rejected. Sources: "一门受理、协同办理" and
/// 审核确认 (《景泰县“十四五”民政事业发展规划》第三章（一）2); the home visit (入户调查) and 公示 are national practice that the source
/// documents do not state (《社会救助暂行办法》第十一条; 民政部《最低生活保障审核确认办法》, 民发〔2021〕57号).
public enum ApplicationState: Sendable, Hashable, Codable {
    case submitted
    /// 核对 running (`completedOn` nil) or finished.
    case economicVerification(completedOn: CivilDate?)
    case townshipReview(homeVisitRecorded: Bool)
    case publicNotice(startedOn: CivilDate)
    /// Awaiting the approving authority's decision.
    case approval
    /// The benefit starts on the first day of the month after approval.
    case granted(approvedOn: CivilDate, startsOn: CivilDate)
    case rejected(reason: String)

    public var isFinal: Bool {
        switch self {
        case .granted, .rejected: true
        default: false
        }
    }

    /// A short stable name for logs and API bodies.
    public var name: String {
        switch self {
        case .submitted: "submitted"
        case .economicVerification: "economic-verification"
        case .townshipReview: "township-review"
        case .publicNotice: "public-notice"
        case .approval: "approval"
        case .granted: "granted"
        case .rejected: "rejected"
        }
    }
}
