import Contracts

/// An institution's beds by type, and how many are occupied.
public struct BedInventory: Sendable, Hashable, Codable {
    public struct Count: Sendable, Hashable, Codable {
        public let beds: Int
        public let occupied: Int
    }

    public let counts: [BedType: Count]

    /// Refuses negative numbers (`institution.beds-invalid`) and more occupied beds than beds
    /// (`institution.occupancy-exceeds-beds`). A type not given has no beds.
    public init(_ counts: [BedType: (beds: Int, occupied: Int)]) throws(RuleViolation) {
        var checked: [BedType: Count] = [:]
        for type in BedType.allCases {
            guard let count = counts[type] else { continue }
            guard count.beds >= 0, count.occupied >= 0 else {
                throw RuleViolation.invalid("institution.beds-invalid", "\(type.rawValue) beds and occupancy are not negative")
            }
            guard count.occupied <= count.beds else {
                throw RuleViolation.invalid("institution.occupancy-exceeds-beds",
                                            "\(count.occupied) occupied \(type.rawValue) beds of \(count.beds)")
            }
            checked[type] = Count(beds: count.beds, occupied: count.occupied)
        }
        self.counts = checked
    }

    public static let empty = BedInventory(checked: [:])

    private init(checked: [BedType: Count]) {
        self.counts = checked
    }

    public func beds(_ type: BedType) -> Int { counts[type]?.beds ?? 0 }
    public func occupied(_ type: BedType) -> Int { counts[type]?.occupied ?? 0 }
    public func free(_ type: BedType) -> Int { beds(type) - occupied(type) }

    public var totalBeds: Int { BedType.allCases.reduce(0) { $0 + beds($1) } }
    public var totalOccupied: Int { BedType.allCases.reduce(0) { $0 + occupied($1) } }

    /// Occupied beds of all beds (入住率). Jingtai's four public institutions had 105 residents in
    /// 265 beds at the end of 2020, 39.6% (seed 003 L12 第一章（四）).
    public var occupancy: Proportion { Proportion(count: totalOccupied, of: totalBeds) }

    /// Beds for long-term care: nursing-type, and dementia beds when `countingDementia` (a dementia
    /// care bed is a bed for 失智 long-term care, which is what seed 003 L14 counts nursing-type beds
    /// for: "聚焦失能失智老年人长期照护…护理型床位占比"; a county counting them apart passes false).
    public func nursingTypeBeds(countingDementia: Bool = true) -> Int {
        beds(.nursing) + (countingDementia ? beds(.dementia) : 0)
    }
}
