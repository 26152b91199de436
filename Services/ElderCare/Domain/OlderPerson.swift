import Contracts

// ElderCare (养老服务): what the civil affairs bureau does for its older residents.
//
// Its scope: the age-based and need-based allowances (高龄津贴 for the very old, 养老服务补贴
// for older people in financial difficulty, 护理补贴 for those who can no longer care for
// themselves); home and community care services; the filing (备案) and supervision of elderly
// care institutions; and the reactions to the Registry's life events that concern its
// recipients (a death ends their allowances). Until those are built, the service keeps the
// shared life-event journal only (see `LifeEventJournal`).

/// Who the elderly-care domain serves. Law on the Protection of the Rights and Interests of
/// the Elderly (老年人权益保障法), art. 2: an older person is a citizen aged sixty or more.
public enum OlderPerson {
    /// In completed years (周岁), counted as ``ResidentID/age(on:)`` counts them.
    public static let minimumAge = 60

    /// Whether the holder of `id` is an older person on `date`: from the sixtieth birthday on.
    public static func includes(_ id: ResidentID, on date: CivilDate) -> Bool {
        id.age(on: date) >= minimumAge
    }
}
