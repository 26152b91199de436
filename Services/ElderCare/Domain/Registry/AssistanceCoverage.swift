import Contracts

/// A period in which Assistance covered the person with a benefit, as its events tell:
/// `benefit-granted` gives the program and the first day, `benefit-terminated` the last.
///
/// ElderCare derives 特困 (and 经济困难) from these, so the register cannot say someone is 特困
/// when Assistance says they are not (seed 002 L12 counts 特困 among the eight; seed 003 L12
/// 第一章（四） names "经济困难老年人、分散特困供养对象" among those the county buys care for).
public struct AssistanceCoverage: Sendable, Hashable, Codable {
    public let program: AssistanceProgram
    public let startsOn: CivilDate
    /// The last covered day, inclusive; nil while the benefit runs.
    public let lastCoveredDay: CivilDate?

    /// Refuses a last day before the first (`elder.coverage-ends-before-start`).
    public init(program: AssistanceProgram, startsOn: CivilDate, lastCoveredDay: CivilDate? = nil) throws(RuleViolation) {
        if let lastCoveredDay, lastCoveredDay < startsOn {
            throw RuleViolation.invalid("elder.coverage-ends-before-start", "coverage from \(startsOn) cannot end on \(lastCoveredDay)")
        }
        self.program = program
        self.startsOn = startsOn
        self.lastCoveredDay = lastCoveredDay
    }

    public func covers(_ date: CivilDate) -> Bool {
        date >= startsOn && (lastCoveredDay.map { date <= $0 } ?? true)
    }
}
