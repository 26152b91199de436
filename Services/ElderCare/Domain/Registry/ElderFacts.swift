import Contracts

/// What the register knows about one older person that decides their key categories: the
/// resident ID (age), Assistance's coverage, the disability certificate, the latest capability
/// assessment and the categories caseworkers recorded. No names, addresses or phone numbers:
/// those stay in the service's own tables.
public struct ElderFacts: Sendable, Hashable {
    public var id: ResidentID
    public var assistance: [AssistanceCoverage]
    public var disabilityGrade: DisabilityCertificateGrade?
    /// The level of the latest capability assessment, if any.
    public var capability: CapabilityLevel?
    public var recorded: [RecordedCategory]

    public init(id: ResidentID, assistance: [AssistanceCoverage] = [], disabilityGrade: DisabilityCertificateGrade? = nil,
                capability: CapabilityLevel? = nil, recorded: [RecordedCategory] = []) {
        self.id = id
        self.assistance = assistance
        self.disabilityGrade = disabilityGrade
        self.capability = capability
        self.recorded = recorded
    }

    /// The person's key categories on `date`: the derived ones from the facts, and the recorded
    /// ones in force that day.
    ///
    /// - 高龄 from ``CategoryPolicy/advancedAge`` (80) on the birthday;
    /// - 特困 while Assistance covers the person with 特困供养 (`extreme-poverty`);
    /// - 经济困难 while covered by 特困 or 低保, or when recorded;
    /// - 重残 with a certificate of grade 1 or 2;
    /// - 失能 when the latest assessment is at or beyond ``CategoryPolicy/disabledFrom``.
    public func categories(on date: CivilDate, policy: CategoryPolicy = .standard) -> Set<KeyCategory> {
        var result = Set<KeyCategory>()
        if id.age(on: date) >= policy.advancedAge { result.insert(.advancedAge) }
        let covered = Set(assistance.filter { $0.covers(date) }.map(\.program))
        if covered.contains(.extremePoverty) { result.insert(.extremePoverty) }
        if covered.contains(.extremePoverty) || covered.contains(.minimumLivingAllowance) { result.insert(.economicHardship) }
        if disabilityGrade?.isSevere == true { result.insert(.severelyDisabled) }
        if let capability, capability >= policy.disabledFrom { result.insert(.disabled) }
        for record in recorded where record.holds(on: date) { result.insert(record.category) }
        return result
    }

    /// Whether the person is in at least one of the categories the visit schedule follows
    /// (any key category makes them a 重点服务对象).
    public func isKeyElder(on date: CivilDate, policy: CategoryPolicy = .standard) -> Bool {
        !categories(on: date, policy: policy).isEmpty
    }
}
