import Contracts

/// Local configuration of the 低保 means test.
///
/// Why configuration: asset limits are set by each county "根据国家关于低保家庭财产限定标准或条件,结合我县实际"
/// (《景泰县“十四五”民政事业发展规划》第三章（一）2); the near-低保 line (1.5×) is local policy, a service default no source document sets.
public struct MeansTestPolicy: Sendable, Hashable, Codable {
    /// Cap on financial assets per household member. No default: the policy documents give no figure.
    public var financialAssetCapPerCapita: Money
    /// Owning a vehicle disqualifies (default true).
    public var vehicleDisqualifies: Bool
    /// Owning additional (non-residential or second) property disqualifies (default true).
    public var additionalPropertyDisqualifies: Bool
    /// Areas in which documented employment costs are deducted for members able to work. The plan
    /// names rural recipients only ("鼓励有劳动能力的**农村**低保对象参与就业,在计算家庭收入时扣减必要的就业成本",
    /// 《景泰县“十四五”民政事业发展规划》第三章（一）1), so the default is rural; a county that also deducts them
    /// for urban households says so (`ASSISTANCE_EMPLOYMENT_COST_AREAS=urban,rural`).
    public var employmentCostAreas: Set<UrbanRural>
    /// Optional cap on the deduction per member per month; nil = the documented amount.
    public var employmentCostCapPerMember: Money?
    /// 低保边缘 line as a multiple of the standard (default 3/2 = 1.5×, exclusive).
    public var nearPovertyMultiplier: PolicyRatio
    /// Whether the 单人户 rule is in force (《景泰县“十四五”民政事业发展规划》第三章（一）1).
    public var singlePersonEnrolment: Bool

    public init(financialAssetCapPerCapita: Money,
                vehicleDisqualifies: Bool = true,
                additionalPropertyDisqualifies: Bool = true,
                employmentCostAreas: Set<UrbanRural> = [.rural],
                employmentCostCapPerMember: Money? = nil,
                nearPovertyMultiplier: PolicyRatio = .nearPovertyMultiplier,
                singlePersonEnrolment: Bool = true) {
        self.financialAssetCapPerCapita = financialAssetCapPerCapita
        self.vehicleDisqualifies = vehicleDisqualifies
        self.additionalPropertyDisqualifies = additionalPropertyDisqualifies
        self.employmentCostAreas = employmentCostAreas
        self.employmentCostCapPerMember = employmentCostCapPerMember
        self.nearPovertyMultiplier = nearPovertyMultiplier
        self.singlePersonEnrolment = singlePersonEnrolment
    }
}
