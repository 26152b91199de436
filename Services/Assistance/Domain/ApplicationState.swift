import Contracts

/// The state of an assistance application (低保 / 特困 / 临时救助).
///
/// Sequence (issue #4): submitted → economic verification (核对) → township review with a home
/// visit → public notice (公示) → approval → granted | rejected. Sources: "一门受理、协同办理" and
/// 审核确认 [003 L13 §3.1.2]; 公示 is national practice (民发〔2021〕57号), see [001/002 extraction §1.1].
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
