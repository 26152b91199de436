import Contracts

/// Decides whether a death qualifies for the free basic funeral services (惠民殡葬), and what they are worth.
///
/// Rule: qualifies iff the deceased was a 低保 or 特困 recipient on the date of death (period bounds
/// inclusive), or the policy extends to all residents. Sources: 《景泰县"十四五"民政事业发展规划》第三章（五）7
/// ("为符合条件的困难群众…免费提供…基本殡葬服务"); 《2020年成都市民政工作要点》要点五第16条 ("实现惠民殡葬政策
/// 常住人口全覆盖": all permanent residents in Chengdu).
///
/// Basis when several apply: 特困 before 低保 before all-residents — the most specific programme
/// is reported, so that the cost is booked against the right assistance budget. Overlapping or
/// duplicate periods yield one grant.
///
/// This decides who qualifies and for what; the plan's other condition, that the body is cremated
/// (死亡后实行火化), decides when the grant is made: ``FreeBasicFuneralStatus``.
public enum FreeBasicFuneral {
    /// Why the deceased qualifies.
    public enum Basis: String, Sendable, Hashable, CaseIterable {
        case extremePoverty
        case minimumLivingAllowance
        case allResidents
    }

    /// One service in a grant and its amount.
    public struct Item: Sendable, Hashable {
        public var service: BasicFuneralService
        public var amount: Money
    }

    /// What is granted: all four basic services with the policy's amounts, and their total.
    public struct Grant: Sendable, Hashable {
        public var basis: Basis
        /// In ``BasicFuneralService`` order.
        public var items: [Item]
        public var total: Money
    }

    public static func decide(dateOfDeath: CivilDate, recipientPeriods: [RecipientPeriod], policy: FuneralPolicy) -> Grant? {
        let programs = Set(recipientPeriods.filter { $0.covers(dateOfDeath) }.map(\.program))
        let basis: Basis
        if programs.contains(.extremePoverty) {
            basis = .extremePoverty
        } else if programs.contains(.minimumLivingAllowance) {
            basis = .minimumLivingAllowance
        } else if policy.extendToAllResidents {
            basis = .allResidents
        } else {
            return nil
        }
        let items = BasicFuneralService.allCases.map { Item(service: $0, amount: policy.amount(for: $0)) }
        return Grant(basis: basis, items: items, total: items.reduce(Money.zero) { $0 + $1.amount })
    }
}
