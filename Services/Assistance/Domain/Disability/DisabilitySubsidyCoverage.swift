import Contracts

/// A disabled person Assistance knows: a household member whose record holds a disability grade.
public struct KnownDisabledPerson: Sendable, Hashable {
    public let person: PersonRef
    /// The best standing among the households that list the person.
    public let householdStatus: DisabilityHouseholdStatus
    public let grade: DisabilityGrade
    /// The certificate's type, when an application for a subsidy recorded it (a household record
    /// holds only the grade).
    public let type: DisabilityType?
    /// Disabled members of the person's household, the person included (一户多残 from 2).
    public let disabledMembers: Int

    public init(person: PersonRef, householdStatus: DisabilityHouseholdStatus, grade: DisabilityGrade, type: DisabilityType?,
                disabledMembers: Int) {
        self.person = person
        self.householdStatus = householdStatus
        self.grade = grade
        self.type = type
        self.disabledMembers = disabledMembers
    }
}

/// How far one subsidy reaches the people who qualify for it in a month (覆盖率, target 100%:
/// "到2025年底,困难残疾人生活补贴和重度残疾人护理补贴覆盖率均达到100%", 《景泰县“十四五”民政事业发展规划》第三章（五）2,
/// seed 003 line 17; "应补尽补", ibid.).
///
/// - Eligible: the known disabled people the eligibility rule admits for `month`
///   (``DisabilitySubsidyEligibility``), and everyone paid that month (a grant proves it).
///   依老养残 is recorded only when a township finds it, so it is not presumed here; a grade 3–4
///   person whose type no application recorded is not presumed 智力/精神.
/// - Covered: those of them whose subsidy is due that month.
/// - Uncovered: eligible and not covered, for the county to reach (应补尽补).
public struct DisabilitySubsidyCoverage: Sendable, Hashable {
    public let kind: DisabilitySubsidyKind
    public let eligible: Int
    public let covered: Int
    /// Sorted, so that a count reads the same each time.
    public let uncovered: [PersonRef]

    /// Per kind, in `DisabilitySubsidyKind.allCases` order. `paid` holds, per kind, the people
    /// whose subsidy of that kind is due in `month`.
    public static func count(known: [KnownDisabledPerson], paid: [DisabilitySubsidyKind: Set<PersonRef>], in month: YearMonth,
                             policy: DisabilitySubsidyPolicy) -> [DisabilitySubsidyCoverage] {
        DisabilitySubsidyKind.allCases.map { kind in
            let covered = paid[kind] ?? []
            var eligible = covered
            for person in known where qualifies(person, for: kind, in: month, policy: policy) { eligible.insert(person.person) }
            let uncovered = eligible.subtracting(covered).sorted { $0.rawValue < $1.rawValue }
            return DisabilitySubsidyCoverage(kind: kind, eligible: eligible.count, covered: covered.count, uncovered: uncovered)
        }
    }

    static func qualifies(_ person: KnownDisabledPerson, for kind: DisabilitySubsidyKind, in month: YearMonth,
                          policy: DisabilitySubsidyPolicy) -> Bool {
        switch kind {
        case .living:
            let facts = LivingSubsidyFacts(householdStatus: person.householdStatus, supportedByElderlyParents: false,
                                           disabledMembers: person.disabledMembers)
            return DisabilitySubsidyEligibility.livingBasis(facts: facts, policy: policy) != nil
        case .nursing:
            guard let type = person.type else { return person.grade.isSevere }
            return DisabilitySubsidyEligibility.nursingBasis(certificate: DisabilityCertificate(type: type, grade: person.grade),
                                                             in: month, policy: policy) != nil
        }
    }

    /// Covered over eligible, in per mille (1000 = 100%); nil when nobody is eligible.
    public var permille: Int? { eligible == 0 ? nil : covered * 1000 / eligible }
}
