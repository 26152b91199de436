import Contracts

/// Who may be registered in the elder register (老年人信息台账).
///
/// From 60 (老年人权益保障法 第二条, ``OlderPerson``), the age taken from the resident ID's birth
/// date; a birth date after the registration day is malformed input. Service rule: registration
/// is for a living person (a death recorded by the Registry closes the record instead).
public enum ElderRegistration {
    /// Refuses `elder.birth-date-in-future` (400) and `elder.under-60` (422, the detail names the
    /// first day the person may be registered).
    public static func check(_ id: ResidentID, on date: CivilDate) throws(RuleViolation) {
        guard id.birthDate <= date else {
            throw RuleViolation.invalid("elder.birth-date-in-future", "the birth date in \(id.masked) is after \(date)")
        }
        guard OlderPerson.includes(id, on: date) else {
            throw RuleViolation("elder.under-60",
                                "\(id.masked) is \(id.age(on: date)) on \(date); registration opens on \(OlderPerson.firstDay(of: id))")
        }
    }
}
