import Contracts

// ElderCare (养老服务): what the civil affairs bureau does for its older residents.
//
// The pure rules of a county's elder-care section (养老服务科), in folders by concept:
// `Registry` (老年人信息台账: who is registered, the key categories, information collection),
// `Visits` (探访关爱: schedules, overdue visits, risk flags and their follow-ups), `Allowance`
// (高龄津贴: who is entitled to which amount for a month), `Assessment` (能力评估, GB/T 42195-2022),
// `Institutions` (养老机构: filing, grade, beds, who may admit), `WaitingList` (公建养老机构入住轮候)
// and `Statistics` (the targets the plans set). The sources are the seed documents in
// `shared/seeds/` (their lines are cited as "seed 002 L12") and, where the seeds are silent,
// national texts or the section's own practice; docs/rules.md lists every rule with its source.
// No I/O: the service's adapters feed these types with what the database and other bureaus know.

/// Who the elderly-care domain serves. Law on the Protection of the Rights and Interests of
/// the Elderly (老年人权益保障法), art. 2: an older person is a citizen aged sixty or more.
public enum OlderPerson {
    /// In completed years (周岁), counted as ``ResidentID/age(on:)`` counts them.
    public static let minimumAge = 60

    /// Whether the holder of `id` is an older person on `date`: from the sixtieth birthday on.
    public static func includes(_ id: ResidentID, on date: CivilDate) -> Bool {
        id.age(on: date) >= minimumAge
    }

    /// The sixtieth birthday: the first day `id` is an older person (29 February births turn
    /// sixty on 1 March in a common year, as ``ResidentID/age(on:)`` counts).
    public static func firstDay(of id: ResidentID) -> CivilDate {
        Birthday.reaching(minimumAge, bornOn: id.birthDate)
    }
}
