/// One of the basic funeral services provided free to eligible people.
public enum FuneralServiceKind: String, Codable, Sendable, CaseIterable {
    /// 遗体接运.
    case transport
    /// 遗体暂存.
    case storage
    /// 遗体火化.
    case cremation
    /// 骨灰存放.
    case ashStorage = "ash-storage"
}
