import Contracts

/// The local free-basic-funeral policy: who is covered beyond assistance recipients, and what
/// each basic service is worth.
///
/// Why configurable: the plan lets localities widen coverage and raise standards (《景泰县"十四五"民政事业
/// 发展规划》第三章（五）7: "鼓励有条件的地方增加服务项目、扩大覆盖人群和提高保障标准"); Chengdu covers all
/// permanent residents (《2020年成都市民政工作要点》要点五第16条: "实现惠民殡葬政策常住人口全覆盖").
public struct FuneralPolicy: Sendable, Hashable {
    /// Every resident who dies qualifies, not only 低保/特困 recipients.
    public let extendToAllResidents: Bool
    /// The amount granted per service; all four services, none negative.
    public let amounts: [BasicFuneralService: Money]

    /// Refuses a policy that leaves a service without an amount (`funeral.policy-amount-missing`)
    /// or gives a negative one (`funeral.policy-amount-negative`): a grant must list all four.
    public init(extendToAllResidents: Bool, amounts: [BasicFuneralService: Money]) throws(RuleViolation) {
        for service in BasicFuneralService.allCases {
            guard let amount = amounts[service] else {
                throw .invalid("funeral.policy-amount-missing", "no amount configured for \(service.rawValue)")
            }
            guard !amount.isNegative else {
                throw .invalid("funeral.policy-amount-negative", "amount for \(service.rawValue) is negative: \(amount)")
            }
        }
        self.extendToAllResidents = extendToAllResidents
        self.amounts = amounts
    }

    /// The configured amount (zero cannot occur after validation, but keeps callers total).
    public func amount(for service: BasicFuneralService) -> Money { amounts[service] ?? .zero }
}
