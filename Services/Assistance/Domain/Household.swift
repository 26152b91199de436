import Contracts

/// A household (家庭) applying for or receiving assistance.
///
/// Why the household is the unit: the 低保 test is on household per-capita income (王宏斌（成都市民政局）署名文章“一是健全分层分类社会救助体系”) and
/// the benefit covers the whole household; the 单人户 rule (《景泰县“十四五”民政事业发展规划》第三章（一）1) is the explicit exception.
public struct Household: Sendable, Hashable, Codable {
    public let area: UrbanRural
    public let residence: [ResidenceBasis]
    public let members: [Member]

    /// Refuses an empty household (`household.no-members`) and a person listed twice
    /// (`household.duplicate-member`).
    public init(area: UrbanRural, residence: [ResidenceBasis], members: [Member]) throws(RuleViolation) {
        guard !members.isEmpty else {
            throw RuleViolation.invalid("household.no-members", "a household needs at least one member")
        }
        var seen = Set<PersonRef>()
        for member in members where !seen.insert(member.person).inserted {
            throw RuleViolation.invalid("household.duplicate-member", "person \(member.person) is listed twice")
        }
        self.area = area
        self.residence = residence
        self.members = members
    }

    public var size: Int { members.count }

    /// Whether any residence basis allows applying in `region`.
    public func mayApply(in region: RegionCode, policy: ResidencePolicy = ResidencePolicy()) -> Bool {
        residence.contains { $0.mayApply(in: region, policy: policy) }
    }

    public func member(_ person: PersonRef) -> Member? {
        members.first { $0.person == person }
    }
}
