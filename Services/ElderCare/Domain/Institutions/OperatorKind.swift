import Contracts

/// What kind of body operates an institution, read from its unified social credit code
/// (统一社会信用代码, GB 32100-2015): the registration authority and the organisation type.
///
/// - authority `1` (机构编制) with type `1` 机关 or `2` 事业单位: a public body — a public
///   institution run by the state needs no SocialOrg registration;
/// - authority `5` (民政): a social organisation (社会服务机构/民办非企业单位 and others), which
///   SocialOrg must have registered;
/// - authority `9` (市场监管): an enterprise;
/// - anything else: other.
public enum OperatorKind: String, Sendable, Hashable, Codable, CaseIterable {
    case publicBody = "public-body"
    case socialOrganisation = "social-organisation"
    case enterprise
    case other

    public init(creditCode code: CreditCode) {
        switch (code.authority, code.organisationType) {
        case ("1", "1"), ("1", "2"): self = .publicBody
        case ("5", _): self = .socialOrganisation
        case ("9", _): self = .enterprise
        default: self = .other
        }
    }
}
