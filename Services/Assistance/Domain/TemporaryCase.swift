import Contracts
import Foundation

/// A 临时救助 case: reported, advanced from the township's reserve when urgent ("对急难对象实施24小时
/// 先行救助", 济民发〔2022〕3号《2022年全市民政工作要点》第43项), then reviewed and granted (the review afterwards is a service rule).
public struct TemporaryCase: Sendable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case reported, advanced, reviewed
    }

    public let id: UUID
    public let need: TemporaryNeed
    public let person: PersonRef
    /// The county that handles the case.
    public let region: RegionCode
    /// The township that took the report.
    public let township: RegionCode
    public let status: Status
    public let reportedAt: Date
    public let advancedAt: Date?
    public let advance: Money?

    public init(id: UUID, need: TemporaryNeed, person: PersonRef, region: RegionCode, township: RegionCode, status: Status,
                reportedAt: Date, advancedAt: Date?, advance: Money?) {
        self.id = id
        self.need = need
        self.person = person
        self.region = region
        self.township = township
        self.status = status
        self.reportedAt = reportedAt
        self.advancedAt = advancedAt
        self.advance = advance
    }

    /// Whether the advance met the 24-hour target; nil before an advance.
    public var withinTarget: Bool? {
        advancedAt.map { !TemporaryAssistance.advanceBreach(reportedAt: reportedAt, advancedAt: $0) }
    }

    /// Only a reported case is advanced: `temporary-assistance.already-advanced` or
    /// `temporary-assistance.not-advanceable` (conflicts) otherwise.
    public func requireAdvanceable() throws(RuleViolation) {
        guard status == .reported else {
            throw RuleViolation(status == .advanced ? "temporary-assistance.already-advanced" : "temporary-assistance.not-advanceable",
                                "case \(id) is \(status.rawValue)", kind: .conflict)
        }
    }

    /// A case is reviewed once, after its report or its advance (`temporary-assistance.not-reviewable`, a conflict).
    public func requireReviewable() throws(RuleViolation) {
        guard status != .reviewed else {
            throw RuleViolation("temporary-assistance.not-reviewable", "case \(id) is already \(status.rawValue)", kind: .conflict)
        }
    }
}
