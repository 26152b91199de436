/// The households and amount of one program in one urban/rural area on a payment roster.
public struct RosterAreaTotal: Codable, Sendable, Hashable {
    public var area: UrbanRuralArea
    public var program: AssistanceProgram
    /// Households of this program and area paid on the roster.
    public var households: Int
    /// Encodes as integer fen.
    public var total: Money

    public init(area: UrbanRuralArea, program: AssistanceProgram, households: Int, total: Money) {
        self.area = area
        self.program = program
        self.households = households
        self.total = total
    }
}
