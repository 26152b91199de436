/// One service of a funeral subsidy and the amount granted for it.
public struct FuneralSubsidyItem: Codable, Sendable, Hashable {
    public var service: FuneralServiceKind
    /// Encodes as integer fen.
    public var amount: Money

    public init(service: FuneralServiceKind, amount: Money) {
        self.service = service
        self.amount = amount
    }
}
