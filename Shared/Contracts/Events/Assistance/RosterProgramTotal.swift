/// The households and amount of one program on a payment roster.
public struct RosterProgramTotal: Codable, Sendable, Hashable {
    public var program: AssistanceProgram
    /// Households of this program paid on the roster.
    public var households: Int
    /// Encodes as integer fen.
    public var total: Money

    public init(program: AssistanceProgram, households: Int, total: Money) {
        self.program = program
        self.households = households
        self.total = total
    }
}
