/// The optional annual proof of life (高龄津贴验证/生存认证) a county may require.
///
/// Seed 004 L16: Chengdu offers "高龄津贴验证等在线服务" through the 天府市民云 app — the check exists;
/// how often and what a missed check does are not in the seeds. A county that requires it
/// (``required``) suspends the allowance from the first month no check covers; a check made
/// later resumes it and, with ``backPaysAfterLateProof``, pays the suspended months too (the person
/// was alive, which is what the check establishes). Service rule, the usual practice of
/// 资格认证 for pensions and allowances.
public struct ProofOfLifePolicy: Sendable, Hashable, Codable {
    public var required: Bool
    /// How many months a check covers, from its own month (12: annual).
    public var validityMonths: Int
    public var backPaysAfterLateProof: Bool

    public init(required: Bool = false, validityMonths: Int = 12, backPaysAfterLateProof: Bool = true) {
        self.required = required
        self.validityMonths = max(validityMonths, 1)
        self.backPaysAfterLateProof = backPaysAfterLateProof
    }

    /// Not required: the seeds make it an offer, not a condition.
    public static let notRequired = ProofOfLifePolicy()
    public static let annual = ProofOfLifePolicy(required: true)
}
