import Contracts

/// Whether an adoption may be registered (Civil Code book 5, ch. 5, arts. 1093–1105; effect, art. 1111).
///
/// Rules and the codes they refuse with, in check order:
/// - `adoption.child-not-adoptable` — only minors (under 18 on `today`) who are orphans, whose
///   parents cannot be found, or whose parents are in special hardship may be adopted (art. 1093).
/// - `adoption.adopter-under-30` — every adopter must be 30 full years old (art. 1098(5)).
/// - `adoption.spouses-must-adopt-jointly` — a married person adopts only together with the spouse
///   (art. 1101: 有配偶者收养子女，应当夫妻共同收养); a couple needs both spouses' consent.
/// - `adoption.too-many-children` — an adopter may have no child or only one (art. 1098(1)); a
///   childless adopter may adopt two, one with a child only one (art. 1100 para. 1). Exempt (art. 1100
///   para. 2): orphans, disabled minors, and children in a welfare institution whose parents cannot be found.
/// - `adoption.age-gap-too-small` — a single adopter (无配偶者) of a child of the other sex must be
///   at least 40 full years older (art. 1102: 相差四十周岁以上; 以上 includes 40, art. 1259).
/// - `adoption.child-consent-required` — a child of 8 or more must consent (art. 1104).
/// - `adoption.assessment-missing` — the civil-affairs department must assess the adoption
///   (art. 1105 para. 5: 民政部门应当依法进行收养评估; 《景泰县"十四五"民政事业发展规划》第三章（五）4
///   「提升婚姻收养管理服务水平」: "完善收养评估标准，推进收养评估").
///
/// Counting children: art. 1111 makes adopted children children in law, so "has one child" counts
/// them. ``Adopter/existingChildren`` counts the children an adopter has *other than* by a prior
/// adoption, ``priorAdoptionsByAdopter`` the adoptions already registered (and not dissolved) for the
/// adopter or couple. Arts. 1098(1) and 1100 together then say: after this adoption the adopter has at
/// most two children, i.e. `existingChildren + priorAdoptionsByAdopter + 1 <= 2` for each adopter.
///
/// Not modelled (they need documents or the assessment, not data): art. 1098(2)–(4) capacity, health
/// and criminal record; art. 1099 (children of a collateral relative of the same generation within three
/// generations, exempt from the hardship, age-gap and some consent rules); art. 1097 (consent of the
/// parents giving the child up); art. 1109 (foreign adopters).
public enum AdoptionEligibility {
    /// One person adopting.
    public struct Adopter: Sendable, Hashable {
        public var id: ResidentID
        /// Children other than by prior adoption (biological, or otherwise in law) — see the type docs.
        public var existingChildren: Int
        /// Whether the adopter has a spouse (from the registry's marriage records).
        public var isMarried: Bool
        /// For a married adopter: the spouse's written consent to adopt jointly (夫妻共同收养 — the
        /// spouse who cannot come in person signs a 委托书). Ignored for an unmarried adopter.
        public var spouseConsent: Bool

        public init(id: ResidentID, existingChildren: Int, isMarried: Bool, spouseConsent: Bool) {
            self.id = id
            self.existingChildren = existingChildren
            self.isMarried = isMarried
            self.spouseConsent = spouseConsent
        }
    }

    /// Who adopts: one person, or a married couple jointly.
    public enum Adopters: Sendable, Hashable {
        case single(Adopter)
        case couple(Adopter, Adopter)

        public var all: [Adopter] {
            switch self {
            case .single(let one): [one]
            case .couple(let first, let second): [first, second]
            }
        }
    }

    /// The child to be adopted.
    public struct Child: Sendable, Hashable {
        /// Art. 1093: the three kinds of minors who may be adopted, and everything else.
        public enum Category: Sendable, Hashable, CaseIterable {
            /// 丧失父母的孤儿.
            case orphan
            /// 查找不到生父母的未成年人.
            case parentsCannotBeFound
            /// 生父母有特殊困难无力抚养的子女.
            case parentsInSpecialHardship
            /// Not adoptable under art. 1093.
            case other
        }

        public var id: ResidentID
        public var category: Category
        /// 残疾未成年人 (art. 1100 para. 2).
        public var isDisabled: Bool
        /// Raised by a child welfare institution (儿童福利机构).
        public var inWelfareInstitution: Bool
        /// The child's own consent, required from age 8 (art. 1104).
        public var consentGiven: Bool

        public init(id: ResidentID, category: Category, isDisabled: Bool, inWelfareInstitution: Bool, consentGiven: Bool) {
            self.id = id
            self.category = category
            self.isDisabled = isDisabled
            self.inWelfareInstitution = inWelfareInstitution
            self.consentGiven = consentGiven
        }
    }

    /// Age of majority (art. 17).
    public static let ageOfMajority = 18
    /// Art. 1098(5): 年满三十周岁.
    public static let minimumAdopterAge = 30
    /// Arts. 1098(1), 1100: at most two children after the adoption.
    public static let maximumChildrenAfterAdoption = 2
    /// Art. 1102: 相差四十周岁以上.
    public static let minimumAgeGapOppositeSexSingle = 40
    /// Art. 1104: 八周岁以上.
    public static let childConsentAge = 8

    /// Throws the first refusal from ``violations(adopters:child:assessmentRecorded:priorAdoptionsByAdopter:today:)``.
    public static func check(
        adopters: Adopters, child: Child, assessmentRecorded: Bool, priorAdoptionsByAdopter: Int, today: CivilDate
    ) throws(RuleViolation) {
        if let first = violations(adopters: adopters, child: child, assessmentRecorded: assessmentRecorded,
                                  priorAdoptionsByAdopter: priorAdoptionsByAdopter, today: today).first {
            throw first
        }
    }

    /// Every refusal in the order of the type docs; malformed input (negative counts, a couple of
    /// one person or of unmarried people, the child among the adopters, a birth date after `today`)
    /// is returned alone as `adoption.invalid-input`. Empty means the adoption may be registered.
    public static func violations(
        adopters: Adopters, child: Child, assessmentRecorded: Bool, priorAdoptionsByAdopter: Int, today: CivilDate
    ) -> [RuleViolation] {
        if let malformed = malformedInput(adopters: adopters, child: child, priorAdoptions: priorAdoptionsByAdopter, today: today) {
            return [malformed]
        }
        var found: [RuleViolation] = []
        let childAge = child.id.age(on: today)

        if childAge >= ageOfMajority {
            found.append(RuleViolation("adoption.child-not-adoptable",
                                       "the child is \(childAge) on \(today.iso); only minors may be adopted (Civil Code art. 1093)"))
        } else if child.category == .other {
            found.append(RuleViolation("adoption.child-not-adoptable",
                                       "only orphans, children whose parents cannot be found, or whose parents are in special hardship may be adopted (Civil Code art. 1093)"))
        }

        for (index, adopter) in adopters.all.enumerated() {
            let age = adopter.id.age(on: today)
            if age < minimumAdopterAge {
                found.append(RuleViolation("adoption.adopter-under-30",
                                           "adopter \(index + 1) is \(age) on \(today.iso); adopters must be at least 30 (Civil Code art. 1098)"))
            }
        }

        switch adopters {
        case .single(let adopter) where adopter.isMarried:
            found.append(RuleViolation("adoption.spouses-must-adopt-jointly",
                                       "a married adopter must adopt jointly with the spouse (Civil Code art. 1101)"))
        case .couple(let first, let second) where !(first.spouseConsent && second.spouseConsent):
            found.append(RuleViolation("adoption.spouses-must-adopt-jointly",
                                       "both spouses must consent to the joint adoption (Civil Code art. 1101)"))
        default:
            break
        }

        if !isExemptFromChildLimit(child) {
            let most = adopters.all.map(\.existingChildren).max() ?? 0
            let after = most + priorAdoptionsByAdopter + 1
            if after > maximumChildrenAfterAdoption {
                found.append(RuleViolation("adoption.too-many-children",
                                           "with \(most) child(ren) and \(priorAdoptionsByAdopter) prior adoption(s), this adoption would make \(after) children; a childless adopter may adopt two, one with a child only one (Civil Code arts. 1098, 1100)"))
            }
        }

        if case .single(let adopter) = adopters, adopter.id.sex != child.id.sex {
            let gap = adopter.id.age(on: child.id.birthDate)
            if gap < minimumAgeGapOppositeSexSingle {
                found.append(RuleViolation("adoption.age-gap-too-small",
                                           "a single adopter of a child of the other sex must be at least 40 full years older; the gap is \(gap) (Civil Code art. 1102)"))
            }
        }

        if childAge >= childConsentAge && !child.consentGiven {
            found.append(RuleViolation("adoption.child-consent-required",
                                       "the child is \(childAge); from 8 years the child's consent is required (Civil Code art. 1104)"))
        }

        if !assessmentRecorded {
            found.append(RuleViolation("adoption.assessment-missing",
                                       "no adoption assessment (收养评估) is recorded (Civil Code art. 1105)"))
        }
        return found
    }

    /// Art. 1100 para. 2: 收养孤儿、残疾未成年人或者儿童福利机构抚养的查找不到生父母的未成年人，可以不受前款和本法
    /// 第一千零九十八条第一项规定的限制.
    public static func isExemptFromChildLimit(_ child: Child) -> Bool {
        child.category == .orphan
            || child.isDisabled
            || (child.inWelfareInstitution && child.category == .parentsCannotBeFound)
    }

    private static func malformedInput(adopters: Adopters, child: Child, priorAdoptions: Int, today: CivilDate) -> RuleViolation? {
        if priorAdoptions < 0 || adopters.all.contains(where: { $0.existingChildren < 0 }) {
            return .invalid("adoption.invalid-input", "child counts must not be negative")
        }
        if case .couple(let first, let second) = adopters {
            if first.id == second.id { return .invalid("adoption.invalid-input", "a couple is two different people") }
            if !(first.isMarried && second.isMarried) {
                return .invalid("adoption.invalid-input", "joint adopters must be a married couple (Civil Code art. 1101)")
            }
        }
        if adopters.all.contains(where: { $0.id == child.id }) {
            return .invalid("adoption.invalid-input", "the child cannot be one of the adopters")
        }
        if child.id.birthDate > today || adopters.all.contains(where: { $0.id.birthDate > today }) {
            return .invalid("adoption.invalid-input", "a birth date lies after \(today.iso)")
        }
        return nil
    }
}
