import Contracts
import ElderCareDomain

/// The domain's values as ElderCare's events carry them (Contracts cannot import the domain).
extension CapabilityLevel {
    var rating: CapabilityRating {
        switch self {
        case .intact: .intact
        case .mild: .mild
        case .moderate: .moderate
        case .severe: .severe
        case .complete: .complete
        }
    }
}

extension BedType {
    var careBedType: CareBedType {
        switch self {
        case .nursing: .nursing
        case .dementia: .dementia
        case .general: .general
        }
    }
}

extension BedInventory {
    /// Every type, in the order of ``BedType/allCases``.
    var careBedCounts: [CareBedCount] {
        BedType.allCases.map { CareBedCount(type: $0.careBedType, beds: beds($0), occupied: occupied($0)) }
    }

    /// The inventory with `change` added to the occupied beds of `type` (an admission +1, a discharge −1).
    func occupying(_ type: BedType, by change: Int) throws(RuleViolation) -> BedInventory {
        var counts: [BedType: (beds: Int, occupied: Int)] = [:]
        for bed in BedType.allCases {
            counts[bed] = (beds(bed), occupied(bed) + (bed == type ? change : 0))
        }
        return try BedInventory(counts)
    }
}
