import Foundation

/// `civil.assistance.disability-subsidy-coverage-counted.v1`: how many people in a region qualify
/// for each disability subsidy in a month, and how many of them it pays (覆盖率, target 100%:
/// "困难残疾人生活补贴和重度残疾人护理补贴覆盖率均达到100%", 《景泰县“十四五”民政事业发展规划》第三章（五）2).
///
/// Published by Assistance when a county's (or the city's) count is taken, after the month's
/// roster. Counts only, no persons. Keyed by `"<region>:<YYYY-MM>"`: a later count of the same
/// month replaces the earlier one. The eligible are the disabled people Assistance knows (household
/// members with a certificate grade) whom the eligibility rule admits, and everyone paid.
public struct DisabilitySubsidyCoverageCounted: DomainEvent {
    public static let eventType = EventType(.assistance, "disability-subsidy-coverage-counted", version: 1)

    public var region: RegionCode
    public var month: YearMonth
    public var programs: [DisabilitySubsidyCoverageFigure]
    public var countedOn: CivilDate

    public init(region: RegionCode, month: YearMonth, programs: [DisabilitySubsidyCoverageFigure], countedOn: CivilDate) {
        self.region = region
        self.month = month
        self.programs = programs
        self.countedOn = countedOn
    }

    public var aggregateID: String { "\(region.rawValue):\(month.iso)" }
}

/// One subsidy's coverage: coverage = covered / eligible.
public struct DisabilitySubsidyCoverageFigure: Codable, Sendable, Hashable {
    public var program: DisabilitySubsidyProgram
    public var eligible: Int
    public var covered: Int

    public init(program: DisabilitySubsidyProgram, eligible: Int, covered: Int) {
        self.program = program
        self.eligible = eligible
        self.covered = covered
    }
}
