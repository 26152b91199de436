/// A ten-year age band (周岁) of an older person, as ElderCare's events carry age: 60–69, 70–79,
/// 80–89, 90–99, 100 and over.
///
/// Why a band and not the birth date: topics carry person refs only, and a stable person ref
/// with a region and an exact birth month narrows a county's elderly to a handful of people.
/// The bands are those the statistics report (高龄 from 80, 百岁老人 from 100); ElderCare's own
/// parts read the exact birth date from its register.
public enum ElderAgeBand: String, Codable, Sendable, CaseIterable {
    case sixties = "60-69"
    case seventies = "70-79"
    case eighties = "80-89"
    case nineties = "90-99"
    case hundredPlus = "100+"

    /// The band of someone `age` years old; nil under 60 (not an older person).
    public init?(age: Int) {
        switch age {
        case ..<60: return nil
        case 60..<70: self = .sixties
        case 70..<80: self = .seventies
        case 80..<90: self = .eighties
        case 90..<100: self = .nineties
        default: self = .hundredPlus
        }
    }
}
