import Contracts

/// Birthdays as welfare ages count them.
enum Birthday {
    /// The first day on which someone born on `birth` is `age` full years old: the birthday, or
    /// 1 March for a 29 February birth in a common year (``ResidentID/age(on:)`` agrees).
    static func reaching(_ age: Int, bornOn birth: CivilDate) -> CivilDate {
        let anniversary = birth.adding(years: age)
        // adding(years:) clamps 29 February to 28 February; the person is not yet older that day.
        return anniversary.day == birth.day ? anniversary : anniversary.adding(days: 1)
    }
}
