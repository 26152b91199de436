import Contracts
import Testing
import TestKit
@testable import AssistanceDomain

@Suite("IntakeRules (一门受理, 一证一书)", .tags(.unit))
struct IntakeRulesTests {
    typealias F = AssistanceDomainFixture

    @Test("临时救助 is reported, not applied for; 低保 and 特困 are applied for")
    func programs() throws {
        let refusal = try F.refusal { try IntakeRules.requireApplicationProgram(.temporaryAssistance) }
        #expect(refusal?.code == "application.program-not-accepted")
        #expect(refusal?.kind == .invalidInput)
        try IntakeRules.requireApplicationProgram(.minimumLivingAllowance)
        try IntakeRules.requireApplicationProgram(.extremePoverty)
    }

    @Test("an application without the signed authorisation is refused")
    func authorisation() throws {
        let refusal = try F.refusal { try IntakeRules.requireAuthorisation(signed: false) }
        #expect(refusal?.code == "application.authorisation-missing")
        #expect(refusal?.kind == .ruleViolated)
        try IntakeRules.requireAuthorisation(signed: true)
    }

    @Test("only a township takes an application in", arguments: ["620423", "620400", "620423100001"])
    func intakeTownship(_ code: String) throws {
        #expect(try F.refusal { try IntakeRules.requireTownship(F.region(code)) }?.code
                == "application.intake-not-township")
        try IntakeRules.requireTownship(F.jingtaiTownship)
    }

    @Test("the applicant must be a member of the household")
    func applicantIsMember() throws {
        let household = try F.household([F.member(1), F.member(2, relation: .spouse)])
        try IntakeRules.requireMember(F.person(2), of: household)
        #expect(try F.refusal { try IntakeRules.requireMember(F.person(3), of: household) }?.code
                == "application.applicant-not-member")
    }

    @Test("the county of the first accepted residence basis handles the application; none is refused")
    func responsibleCounty() throws {
        let registered = try Household(area: .urban, residence: [.residencePermit(F.region("510104")), .householdRegistration(F.jingtai)],
                                       members: [F.member(1)])
        #expect(try IntakeRules.responsibleCounty(of: registered, policy: ResidencePolicy()) == F.jingtai)
        let permitOnly = try Household(area: .urban, residence: [.residencePermit(F.region("510104"))], members: [F.member(1)])
        #expect(try IntakeRules.responsibleCounty(of: permitOnly, policy: ResidencePolicy()) == F.region("510104"))
        let refusal = try F.refusal {
            try IntakeRules.responsibleCounty(of: permitOnly, policy: ResidencePolicy(acceptsResidencePermit: false))
        }
        #expect(refusal?.code == "application.no-residence-basis")
    }
}
