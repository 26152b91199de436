/// An institution's beds of one type and how many are occupied.
public struct CareBedCount: Codable, Sendable, Equatable {
    public var type: CareBedType
    public var beds: Int
    public var occupied: Int

    public init(type: CareBedType, beds: Int, occupied: Int) {
        self.type = type
        self.beds = beds
        self.occupied = occupied
    }
}
