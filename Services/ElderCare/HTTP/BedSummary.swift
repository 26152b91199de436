import Contracts
import ElderCareDomain
import Hummingbird

/// The bed figures of a region's institutions against the plans' targets: nursing-type beds of
/// all beds (≥55%, seed 003 L14), of the 特困 support institutions' beds (≥50%, seed 002 L10),
/// and occupancy; and the centralised support of 特困 elderly unable to care for themselves (≥60%,
/// seed 002 L10).
struct BedSummary: ResponseEncodable {
    struct Share: Encodable, Sendable {
        var count: Int
        var total: Int
        /// Per mille, rounded half up; absent when there are no beds.
        var perMille: Int?
        /// The target, e.g. `≥55%`; absent for a figure without one.
        var target: String?
        /// Whether the target is met; absent without beds or without a target.
        var met: Bool?
        /// How many more beds must qualify to meet it (for a bed share: general beds to convert).
        var shortfall: Int?

        init(_ share: Proportion, target: PercentageTarget? = nil) {
            count = share.count
            total = share.total
            perMille = share.perMille
            self.target = target?.description
            met = target?.isMet(by: share)
            shortfall = target?.shortfall(of: share)
        }
    }

    var region: String
    var institutions: Int
    var beds: Int
    var occupied: Int
    var dementiaCountedAsNursing: Bool
    var nursingShare: Share
    var supportFacilityNursingShare: Share
    var occupancy: Share
    /// 生活不能自理特困老年人集中供养率: of the registered 特困 elderly whose latest assessment is
    /// 生活不能自理 (``CapabilityLevel/isUnableToCareForSelf``), those admitted or resident.
    var centralisedSupport: Share

    init(region: RegionCode, institutions: [ElderCareInstitution], countingDementia: Bool,
         extremePoverty: [CentralisedSupport.Person]) {
        self.region = region.rawValue
        self.institutions = institutions.count
        beds = institutions.reduce(0) { $0 + $1.beds.totalBeds }
        occupied = institutions.reduce(0) { $0 + $1.beds.totalOccupied }
        dementiaCountedAsNursing = countingDementia
        nursingShare = Share(BedStatistics.nursingShare(in: region, institutions: institutions, countingDementia: countingDementia),
                             target: ElderCareTargets.countyNursingBedShare)
        supportFacilityNursingShare = Share(
            BedStatistics.supportFacilityNursingShare(in: region, institutions: institutions, countingDementia: countingDementia),
            target: ElderCareTargets.supportFacilityNursingBedShare)
        occupancy = Share(BedStatistics.occupancy(in: region, institutions: institutions))
        centralisedSupport = Share(CentralisedSupport.rateOfDependent(extremePoverty),
                                   target: ElderCareTargets.centralisedSupportOfDependentExtremePoverty)
    }
}
