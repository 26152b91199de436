import Contracts

/// A change a recipient household reports ("健全社会救助对象家庭人口、经济状况重大变化报告与核对机制",
/// 《景泰县“十四五”民政事业发展规划》第三章（一）2): it opens a re-verification task, and an income change may carry the members' newly
/// declared incomes. A residence change may carry the household's new residence bases: the household
/// then moves, with its cases, to the county they make responsible, and the re-verification task is
/// that county's (it reassesses the case under its standards).
public struct ChangeReport: Sendable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case income, household, residence
    }

    public let kind: Kind
    public let description: String
    /// Newly declared monthly incomes by member; they replace what those members declared before.
    public let declaredIncomes: [(person: PersonRef, incomes: [IncomeItem])]
    /// A move: the household's residence bases from now on (empty: no move, or one only described).
    public let residence: [ResidenceBasis]

    public init(kind: Kind, description: String, declaredIncomes: [(person: PersonRef, incomes: [IncomeItem])] = [],
                residence: [ResidenceBasis] = []) {
        self.kind = kind
        self.description = description
        self.declaredIncomes = declaredIncomes
        self.residence = residence
    }

    /// The county a move takes the household to: the one its new residence bases make responsible
    /// (``ResidenceBasis/responsibleCounty(_:policy:)``); nil when the report carries no bases.
    /// Refuses new bases on a change that is not of residence (`change-report.residence-not-a-move`)
    /// and `change-report.no-residence-basis` when none of them allows the household to apply.
    public func destination(policy: ResidencePolicy) throws(RuleViolation) -> RegionCode? {
        guard !residence.isEmpty else { return nil }
        guard kind == .residence else {
            throw .invalid("change-report.residence-not-a-move", "residence is given with kind residence only, not \(kind.rawValue)")
        }
        guard let county = ResidenceBasis.responsibleCounty(residence, policy: policy) else {
            throw RuleViolation("change-report.no-residence-basis", "none of the new residence bases lets the household apply in its county")
        }
        return county
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
