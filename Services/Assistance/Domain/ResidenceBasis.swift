import Contracts

/// Why a household may apply in a region: household registration (户籍), a residence permit
/// (居住证) or permanent residence (常住人口).
///
/// Sources: residence-permit holders may apply for 低保 at the place of residence "where
/// conditions permit" ("积极推行具备条件地区的持有居住证人员在居住地申请低保", 《景泰县“十四五”民政事业发展规划》第三章（一）2); Chengdu
/// extends services to permanent residents (常住人口, 《2020年成都市民政工作要点》第16点). The region is compared at
/// county level, because standards and approval are per county.
public enum ResidenceBasis: Sendable, Hashable, Codable {
    case householdRegistration(RegionCode)
    case residencePermit(RegionCode)
    case permanentResident(RegionCode)

    /// The region the basis refers to.
    public var region: RegionCode {
        switch self {
        case .householdRegistration(let region), .residencePermit(let region), .permanentResident(let region): region
        }
    }

    /// Whether this basis lets the household apply for 低保 / 特困 in `region` (compared by county).
    ///
    /// - `householdRegistration`: always, in the registered county.
    /// - `residencePermit`: in the county of residence if that county accepts permit holders
    ///   (configurable "where conditions permit"; default true).
    /// - `permanentResident`: in the county of residence, if accepted (default true).
    ///
    /// Urgent temporary assistance needs no basis at all: see ``TemporaryAssistance``.
    public func mayApply(in region: RegionCode, policy: ResidencePolicy = ResidencePolicy()) -> Bool {
        guard self.region.county == region.county else { return false }
        switch self {
        case .householdRegistration: return true
        case .residencePermit: return policy.acceptsResidencePermit
        case .permanentResident: return policy.acceptsPermanentResidents
        }
    }
}

extension ResidenceBasis {
    /// The county a household applies in: that of its first basis allowing it, household
    /// registration first, then a residence permit, then permanent residence; nil if none does.
    public static func responsibleCounty(_ residence: [ResidenceBasis], policy: ResidencePolicy = ResidencePolicy()) -> RegionCode? {
        func rank(_ basis: ResidenceBasis) -> Int {
            switch basis {
            case .householdRegistration: 0
            case .residencePermit: 1
            case .permanentResident: 2
            }
        }
        let ordered = residence.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
        return ordered.first { $0.mayApply(in: $0.region, policy: policy) }?.region.county
    }
}

/// Which residence bases a county accepts besides household registration.
public struct ResidencePolicy: Sendable, Hashable, Codable {
    public var acceptsResidencePermit: Bool
    public var acceptsPermanentResidents: Bool

    public init(acceptsResidencePermit: Bool = true, acceptsPermanentResidents: Bool = true) {
        self.acceptsResidencePermit = acceptsResidencePermit
        self.acceptsPermanentResidents = acceptsPermanentResidents
    }
}
