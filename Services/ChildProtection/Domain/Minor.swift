import Contracts

// ChildProtection (儿童福利与未成年人保护): what the civil affairs bureau does for children.
//
// Its scope: the basic living allowance for orphans (孤儿) and for children no one in fact
// raises (事实无人抚养儿童); the care of children in difficulty and of rural children left
// behind by their parents; and guardianship by the civil affairs department where no one else
// can exercise it, temporary or long-term (Law on the Protection of Minors, arts. 92 and 94).
// The Registry's life events start its reviews: the death of a parent, an adoption or its
// dissolution changes who raises a child. Until those are built, the service keeps the shared
// life-event journal only (see `LifeEventJournal`).

/// Who the child-protection domain serves. Law on the Protection of Minors (未成年人保护法),
/// art. 2: a minor is a citizen under eighteen.
public enum Minor {
    /// In completed years (周岁): a minor has not reached it.
    public static let ageOfMajority = 18

    /// Whether the holder of `id` is a minor on `date`: until the day before the eighteenth birthday.
    public static func includes(_ id: ResidentID, on date: CivilDate) -> Bool {
        id.age(on: date) < ageOfMajority
    }
}
