import Contracts

/// The bed ratios the plans set targets for, over a set of institutions.
public enum BedStatistics {
    /// Nursing-type beds of all beds of the institutions in `region` (seed 003 L14: "全县护理型床位
    /// 占比不低于55%", ``ElderCareTargets/countyNursingBedShare``). Dementia beds count as nursing-type
    /// unless `countingDementia` is false (``BedInventory/nursingTypeBeds(countingDementia:)``).
    public static func nursingShare(in region: RegionCode, institutions: [ElderCareInstitution], countingDementia: Bool = true) -> Proportion {
        nursingShare(of: institutions.filter { region.contains($0.region) }, countingDementia: countingDementia)
    }

    /// Nursing-type beds of all beds in the 特困 support institutions (敬老院) of `region` (seed 002
    /// L10: "特困人员供养机构护理型床位占比不低于50%", ``ElderCareTargets/supportFacilityNursingBedShare``).
    public static func supportFacilityNursingShare(in region: RegionCode, institutions: [ElderCareInstitution],
                                                   countingDementia: Bool = true) -> Proportion {
        nursingShare(of: institutions.filter { region.contains($0.region) && $0.kind == .extremePovertySupport },
                     countingDementia: countingDementia)
    }

    /// Occupied beds of all beds of the institutions in `region`.
    public static func occupancy(in region: RegionCode, institutions: [ElderCareInstitution]) -> Proportion {
        let within = institutions.filter { region.contains($0.region) }
        return Proportion(count: within.reduce(0) { $0 + $1.beds.totalOccupied }, of: within.reduce(0) { $0 + $1.beds.totalBeds })
    }

    static func nursingShare(of institutions: [ElderCareInstitution], countingDementia: Bool) -> Proportion {
        Proportion(count: institutions.reduce(0) { $0 + $1.beds.nursingTypeBeds(countingDementia: countingDementia) },
                   of: institutions.reduce(0) { $0 + $1.beds.totalBeds })
    }
}
