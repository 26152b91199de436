/// How a visit was made. Seed 000 L36 accepts "多种形式" in the emergency mode; the national
/// guidance counts "定期上门入户、电话视频等方式" (民政部等10部门, 2022).
public enum VisitMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// 上门入户.
    case inPerson = "in-person"
    /// 电话或视频.
    case phoneOrVideo = "phone-or-video"
}
