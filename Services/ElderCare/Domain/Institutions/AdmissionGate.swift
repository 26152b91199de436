import Contracts

/// Whether an institution may admit new residents now: a pure predicate over the filing and the
/// operator's standing.
///
/// - The operator is a public body, or a social organisation SocialOrg has registered
///   (`institution.operator-not-registered`); an enterprise operator is refused unless the county
///   allows them (``allowingEnterprises``: 养老机构管理办法 (2020) lets enterprises run institutions,
///   but issue 12 asks for SocialOrg registration or a public body, so it is off by default).
/// - The operator is not on the serious-dishonesty list (`institution.operator-seriously-dishonest`):
///   "养老服务+信用" with credit management of providers (seed 003 L14 第三章（二）5).
/// - A free bed of the type asked for, when a type is given (`institution.no-free-bed`, 409): a bed
///   neither occupied nor held by an outstanding placement offer (`reserved`), so two offers do not
///   promise the same last bed.
public struct AdmissionGate: Sendable, Hashable {
    public var allowingEnterprises: Bool

    public init(allowingEnterprises: Bool = false) {
        self.allowingEnterprises = allowingEnterprises
    }

    /// Every reason the institution may not admit, in a fixed order (empty when it may).
    public func refusals(_ institution: ElderCareInstitution, standing: OperatorStanding, bed: BedType? = nil,
                         reserved: Int = 0) -> [RuleViolation] {
        var refusals: [RuleViolation] = []
        let operatorKind = institution.operatorKind
        let registered = switch operatorKind {
        case .publicBody: true
        case .socialOrganisation: standing.registeredWithSocialOrg
        case .enterprise: allowingEnterprises
        case .other: false
        }
        if !registered {
            refusals.append(RuleViolation("institution.operator-not-registered",
                                          "\(institution.name)'s operator (\(operatorKind.rawValue)) is neither a public body nor registered with SocialOrg"))
        }
        if standing.seriouslyDishonest {
            refusals.append(RuleViolation("institution.operator-seriously-dishonest",
                                          "\(institution.name)'s operator is on the serious-dishonesty list: new admissions are suspended"))
        }
        if let bed, institution.beds.free(bed) - max(reserved, 0) <= 0 {
            refusals.append(RuleViolation("institution.no-free-bed",
                                          "\(institution.name) has no free \(bed.chineseName) bed (\(max(reserved, 0)) held by offers)",
                                          kind: .conflict))
        }
        return refusals
    }

    public func mayAdmit(_ institution: ElderCareInstitution, standing: OperatorStanding, bed: BedType? = nil, reserved: Int = 0) -> Bool {
        refusals(institution, standing: standing, bed: bed, reserved: reserved).isEmpty
    }

    /// Throws the first refusal.
    public func check(_ institution: ElderCareInstitution, standing: OperatorStanding, bed: BedType? = nil,
                      reserved: Int = 0) throws(RuleViolation) {
        if let first = refusals(institution, standing: standing, bed: bed, reserved: reserved).first { throw first }
    }
}
