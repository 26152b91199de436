/// What the living subsidy reads about a disabled person's household.
public struct LivingSubsidyFacts: Sendable, Hashable, Codable {
    public let householdStatus: DisabilityHouseholdStatus
    /// 依老养残: supported by a parent aged 60 or over (the county reviewer records it).
    public let supportedByElderlyParents: Bool
    /// Disabled members of the household, the person included (一户多残 from 2).
    public let disabledMembers: Int

    public init(householdStatus: DisabilityHouseholdStatus, supportedByElderlyParents: Bool = false, disabledMembers: Int = 1) {
        self.householdStatus = householdStatus
        self.supportedByElderlyParents = supportedByElderlyParents
        self.disabledMembers = disabledMembers
    }
}
