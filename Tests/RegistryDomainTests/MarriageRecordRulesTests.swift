import Contracts
import Testing
@testable import RegistryDomain
import TestKit

/// What the marriage forms declare and how a marriage ends: the kinship declaration
/// (《婚姻登记条例》第五条), court judgments (Civil Code arts. 1051–1053, 1079), and that only a
/// current marriage ends.
@Suite("Kinship declarations, court judgments and marriage status", .tags(.unit))
struct MarriageRecordRulesTests {
    @Test(arguments: [
        ("unrelated", Kinship.unrelated), ("lineal", .lineal), ("collateral-3", .collateral(generations: 3)),
        ("collateral-5", .collateral(generations: 5)),
    ])
    func declarationsAreRead(text: String, kinship: Kinship) throws {
        #expect(try Kinship(declaration: text) == kinship)
    }

    @Test(arguments: ["", "none", "collateral-", "collateral-three", "Lineal"])
    func unreadableDeclarationsAreRefused(text: String) {
        #expect(throws: RuleViolation.invalid("marriage.invalid-kinship", "declaredKinship must be unrelated, lineal or collateral-N")) {
            try Kinship(declaration: text)
        }
    }

    @Test(arguments: [
        ("divorce", CourtJudgmentKind.divorce, MarriageStatus.divorced), ("annulment", .annulment, .annulled),
        ("revocation", .revocation, .revoked),
    ])
    func judgmentsEndTheMarriage(text: String, kind: CourtJudgmentKind, status: MarriageStatus) throws {
        #expect(try CourtJudgmentKind(parsing: text) == kind)
        #expect(kind.endsMarriageAs == status)
    }

    @Test func anUnknownJudgmentIsRefused() {
        #expect(throws: RuleViolation.invalid("judgment.unknown-kind", "kind must be divorce, annulment or revocation")) {
            try CourtJudgmentKind(parsing: "separation")
        }
    }

    @Test(arguments: [MarriageStatus.divorced, .annulled, .revoked])
    func onlyACurrentMarriageEnds(status: MarriageStatus) throws {
        try MarriageStatus.married.requireCurrent()
        let refusal = try RegistryDomainFixture.refusal { try status.requireCurrent() }
        #expect(refusal?.code == "marriage.not-current")
        #expect(refusal?.kind == .conflict)
    }
}
