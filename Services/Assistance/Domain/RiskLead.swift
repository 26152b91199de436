import Contracts
import Foundation

/// Where a lead for active discovery (主动发现) stands.
public enum LeadStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case open
    case followingUp = "following-up"
    case closed

    /// A closed lead takes no follow-up and no second closure (`lead.not-open`, a conflict).
    public func requireOpen(_ lead: UUID) throws(RuleViolation) {
        guard self != .closed else { throw RuleViolation("lead.not-open", "lead \(lead) is already closed", kind: .conflict) }
    }
}

/// A lead raised by low-income dynamic monitoring: a partner agency's risk signal about a member of
/// a household that receives assistance or lives near the 低保 line ("加强对低保对象、特困人员、低保边缘
/// 家庭等…的动态监测", 《景泰县“十四五”民政事业发展规划》第三章（一）1; 济民发〔2022〕3号《2022年全市民政工作要点》第6项; *市《2023年全市民政工作要点》（九）), or about anyone
/// else, for outreach ("因病因灾因意外事故等刚性支出较大或收入大幅缩减导致基本生活出现严重困难人口", ibid.), for active
/// discovery ("主动发现", 《景泰县“十四五”民政事业发展规划》第三章（一）2; 济民发〔2022〕3号 第43项).
public struct RiskLead: Sendable {
    public let id: UUID
    public let signalID: UUID
    public let subject: LeadSubject
    public let person: PersonRef
    /// Where the lead is followed up: the household's current county, or the region an outreach
    /// lead was raised for.
    public let region: RegionCode
    public let explanation: String
    public var status: LeadStatus
    /// The caseworker's note of the last follow-up or the closure.
    public var outcome: String?
    public let detectedOn: CivilDate

    public init(id: UUID, signalID: UUID, subject: LeadSubject, person: PersonRef, region: RegionCode, explanation: String,
                status: LeadStatus, outcome: String?, detectedOn: CivilDate) {
        self.id = id
        self.signalID = signalID
        self.subject = subject
        self.person = person
        self.region = region
        self.explanation = explanation
        self.status = status
        self.outcome = outcome
        self.detectedOn = detectedOn
    }
}
