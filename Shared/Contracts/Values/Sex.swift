/// Sex as recorded on the resident identity card (GB 11643 encodes it in the sequence digit's parity).
///
/// Only the two values the ID number can express: this type exists to carry what the ID says,
/// not to model gender identity. Encodes as `"male"` / `"female"`.
public enum Sex: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case male
    case female

    /// The label used on Chinese forms: 男 / 女.
    public var chineseLabel: String {
        switch self {
        case .male: "男"
        case .female: "女"
        }
    }

    public var description: String { rawValue }
}
