/// Who owns an elder-care institution (养老机构).
///
/// 公办 (public: 社会福利院, 敬老院, county and township centres) or 民办 (private). A public
/// institution may be operated by a private operator (公建民营, seed 000 L40 "加快公建民营养老机构建设");
/// that is the operator's kind (``OperatorKind``), not the ownership. The waiting list
/// (公建养老机构入住轮候, seed 001 L24) is for public institutions, however operated.
public enum InstitutionOwnership: String, Sendable, Hashable, Codable, CaseIterable {
    case `public`
    case `private`
}
