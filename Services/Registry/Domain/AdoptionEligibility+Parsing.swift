import Contracts

extension AdoptionEligibility.Adopters {
    /// One adopter or a married couple, from the list an application gives: any other count is
    /// refused (`adoption.adopter-count`) before a single entry is read.
    public init<Entry>(
        _ entries: [Entry], reading read: (_ index: Int, Entry) throws(RuleViolation) -> AdoptionEligibility.Adopter
    ) throws(RuleViolation) {
        switch entries.count {
        case 1: self = .single(try read(0, entries[0]))
        case 2: self = .couple(try read(0, entries[0]), try read(1, entries[1]))
        default: throw .invalid("adoption.adopter-count", "an adoption has one adopter or a married couple")
        }
    }
}

extension AdoptionEligibility.Child.Category {
    /// `orphan`, `parents-cannot-be-found`, `parents-in-special-hardship` or `other`.
    public init(parsing text: String) throws(RuleViolation) {
        switch text {
        case "orphan": self = .orphan
        case "parents-cannot-be-found": self = .parentsCannotBeFound
        case "parents-in-special-hardship": self = .parentsInSpecialHardship
        case "other": self = .other
        default:
            throw .invalid("adoption.unknown-category", "child.category must be orphan, parents-cannot-be-found, "
                           + "parents-in-special-hardship or other")
        }
    }
}
