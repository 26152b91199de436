import Contracts

/// Whether two people may register a marriage on a given day.
///
/// Rules (Civil Code, in force 2021-01-01): monogamy (arts. 1041, 1042: 一夫一妻, 禁止重婚),
/// a man and a woman (art. 1046: 结婚应当男女双方完全自愿; art. 1049: 要求结婚的男女双方),
/// marriageable age — man 22, woman 20 full years (art. 1047: 男不得早于二十二周岁，女不得早于二十周岁),
/// and prohibited kinship (art. 1048). The 婚姻登记条例 art. 6 refuses registration on the same
/// grounds, and art. 5 requires each party to sign a declaration of no spouse and no prohibited
/// kinship — hence a missing declaration (`nil`) is refused too.
///
/// Why pure: sex and birth date come from the ``ResidentID`` (already validated at the edge), marital
/// status from the registry's own records, and the day from the caller; no clock, no database.
///
/// Ages are full years (周岁) on the registration day by ``ResidentID/age(on:)``: one reaches 22 on
/// the 22nd birthday itself; someone born on 29 February reaches it on 1 March in a non-leap year.
public enum MarriageEligibility {
    /// One of the two people applying to marry.
    public struct Party: Sendable, Hashable {
        public var id: ResidentID
        /// Whether the registry's records (including the national marriage database) show a
        /// marriage of this person that has not ended. Filled by the adapter, never from the form.
        public var currentlyMarried: Bool

        public init(id: ResidentID, currentlyMarried: Bool) {
            self.id = id
            self.currentlyMarried = currentlyMarried
        }
    }

    /// Art. 1047: 男不得早于二十二周岁.
    public static let minimumAgeMan = 22
    /// Art. 1047: 女不得早于二十周岁.
    public static let minimumAgeWoman = 20

    /// The minimum marriageable age for `sex` (art. 1047).
    public static func minimumAge(for sex: Sex) -> Int {
        switch sex {
        case .male: minimumAgeMan
        case .female: minimumAgeWoman
        }
    }

    /// Throws the first refusal from ``violations(partyA:partyB:declaredKinship:on:)``.
    public static func check(
        partyA: Party, partyB: Party, declaredKinship: Kinship?, on date: CivilDate
    ) throws(RuleViolation) {
        if let first = violations(partyA: partyA, partyB: partyB, declaredKinship: declaredKinship, on: date).first {
            throw first
        }
    }

    /// Every refusal, in a fixed order: same person (alone: nothing else is meaningful then),
    /// not a man and a woman, under age (A, then B), already married (A, then B), kinship.
    /// Empty means the marriage may be registered on `date`.
    ///
    /// Why all of them: the counter clerk should tell a couple everything that is wrong at once.
    public static func violations(
        partyA: Party, partyB: Party, declaredKinship: Kinship?, on date: CivilDate
    ) -> [RuleViolation] {
        if partyA.id == partyB.id {
            return [.invalid("marriage.same-person", "both parties have the same resident ID number")]
        }
        var found: [RuleViolation] = []
        if partyA.id.sex == partyB.id.sex {
            found.append(RuleViolation(
                "marriage.not-man-and-woman",
                "both resident IDs record the sex \(partyA.id.sex.chineseLabel); marriage is between a man and a woman (Civil Code art. 1049)"))
        }
        for (label, party) in [("A", partyA), ("B", partyB)] {
            let minimum = minimumAge(for: party.id.sex)
            let age = party.id.age(on: date)
            if age < minimum {
                let from = firstDay(aged: minimum, bornOn: party.id.birthDate)
                found.append(RuleViolation(
                    "marriage.under-age",
                    "party \(label) is \(age) full years old on \(date.iso); a \(party.id.sex == .male ? "man" : "woman") must be at least \(minimum) (Civil Code art. 1047), i.e. on or after \(from.iso)"))
            }
        }
        for (label, party) in [("A", partyA), ("B", partyB)] where party.currentlyMarried {
            found.append(RuleViolation(
                "marriage.party-already-married",
                "the registry records a current marriage of party \(label) (Civil Code art. 1042: bigamy is prohibited)"))
        }
        switch declaredKinship {
        case nil:
            found.append(.invalid(
                "marriage.kinship-declaration-missing",
                "both parties must declare that they are not lineal relatives nor collateral relatives within three generations (婚姻登记条例 art. 5)"))
        case .lineal?:
            found.append(RuleViolation(
                "marriage.prohibited-kinship", "lineal relatives by blood may not marry (Civil Code art. 1048)"))
        case .collateral(let generations)? where generations < 2:
            found.append(.invalid(
                "marriage.invalid-kinship",
                "collateral kinship is at least 2 generations (siblings), got \(generations)"))
        case .collateral(let generations)? where generations <= Kinship.prohibitedCollateralGenerations:
            found.append(RuleViolation(
                "marriage.prohibited-kinship",
                "collateral relatives by blood within three generations may not marry (Civil Code art. 1048); declared: \(generations)"))
        case .collateral?, .unrelated?:
            break
        }
        return found
    }

    /// The first day on which someone born on `birth` is `years` full years old, consistent with
    /// ``ResidentID/age(on:)`` (29 February → 1 March in a non-leap year).
    static func firstDay(aged years: Int, bornOn birth: CivilDate) -> CivilDate {
        let sameDay = birth.adding(years: years)  // clamps 29 Feb to 28 Feb
        return sameDay.day == birth.day ? sameDay : sameDay.adding(days: 1)
    }
}
