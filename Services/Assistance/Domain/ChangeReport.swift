import Contracts

/// A change a recipient household reports ("健全社会救助对象家庭人口、经济状况重大变化报告与核对机制",
/// 《景泰县“十四五”民政事业发展规划》第三章（一）2): it opens a re-verification task, and an income change may carry the members' newly
/// declared incomes.
public struct ChangeReport: Sendable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case income, household, residence
    }

    public let kind: Kind
    public let description: String
    /// Newly declared monthly incomes by member; they replace what those members declared before.
    public let declaredIncomes: [(person: PersonRef, incomes: [IncomeItem])]

    public init(kind: Kind, description: String, declaredIncomes: [(person: PersonRef, incomes: [IncomeItem])] = []) {
        self.kind = kind
        self.description = description
        self.declaredIncomes = declaredIncomes
    }

    /// The reason the re-verification task gives.
    public var reason: String { "\(kind.rawValue) change: \(description)" }

    /// The declared members with the reported incomes in place of their earlier declarations.
    /// Refuses a person who is not a member of the household (`change-report.not-a-member`).
    public func redeclared(_ members: [Member]) throws(RuleViolation) -> [Member] {
        var members = members
        for (person, incomes) in declaredIncomes {
            guard let index = members.firstIndex(where: { $0.person == person }) else {
                throw .invalid("change-report.not-a-member", "\(person) is not a member of the household")
            }
            members[index] = try members[index].with(incomes: incomes, assets: members[index].assets)
        }
        return members
    }
}
