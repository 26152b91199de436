import Contracts
import Foundation
import Testing
import TestKit
@testable import AssistanceDomain

@Suite("AssistancePolicy, change reports, agency records", .tags(.unit))
struct PolicyAndRecordsTests {
    typealias F = AssistanceDomainFixture

    @Test("the documented defaults apply when nothing is configured")
    func defaults() throws {
        let policy = try AssistancePolicy.fromEnvironment([:])
        #expect(policy.workflow.noticeDays == 7)
        #expect(policy.workflow.approvingAuthority == .county)
        #expect(policy.gradualExitMonths == 6)
        #expect(policy.reviewMonths == [.minimumLivingAllowance: 6, .extremePoverty: 12, .temporaryAssistance: 0])
        #expect(policy.meansTest.financialAssetCapPerCapita == Money(yuan: 20_000))
        #expect(policy.amount.minimumPerPerson == Money(yuan: 10))
        #expect(policy.advanceCap == nil)
        #expect(policy.meansTest.employmentCostAreas == [.rural])
        #expect(policy.extremePovertyBaseline == .previousYear)
        #expect(policy.growthFloors == .seed001)
        #expect(policy.outreachRegion == nil)
    }

    @Test("a setting that is not a non-negative integer is refused", arguments: ["-1", "seven", ""])
    func invalidSetting(_ text: String) throws {
        let refusal = try F.refusal { try AssistancePolicy.fromEnvironment(["ASSISTANCE_NOTICE_DAYS": text]) }
        #expect(refusal?.code == "settings.invalid")
    }

    @Test("the employment-cost areas are a list of areas, or none",
          arguments: zip(["urban,rural", "rural", "urban", " urban , rural", "none"],
                         [Set<UrbanRural>([.urban, .rural]), [.rural], [.urban], [.urban, .rural], []]))
    func employmentCostAreas(_ text: String, _ areas: Set<UrbanRural>) throws {
        #expect(try AssistancePolicy.fromEnvironment(["ASSISTANCE_EMPLOYMENT_COST_AREAS": text]).meansTest.employmentCostAreas == areas)
    }

    @Test("an employment-cost area that is not urban or rural is refused", arguments: ["", "suburban", "urban,", "URBAN"])
    func employmentCostAreasInvalid(_ text: String) throws {
        let refusal = try F.refusal { try AssistancePolicy.fromEnvironment(["ASSISTANCE_EMPLOYMENT_COST_AREAS": text]) }
        #expect(refusal?.code == "settings.invalid")
        #expect(refusal?.detail.contains("ASSISTANCE_EMPLOYMENT_COST_AREAS") == true)
    }

    @Test("the 特困 baseline is the previous year's 低保 unless set to the same year's")
    func extremePovertyBaseline() throws {
        #expect(try AssistancePolicy.fromEnvironment(["ASSISTANCE_EXTREME_POVERTY_BASELINE": "same-year"]).extremePovertyBaseline == .sameYear)
        #expect(try AssistancePolicy.fromEnvironment(["ASSISTANCE_EXTREME_POVERTY_BASELINE": "previous-year"]).extremePovertyBaseline == .previousYear)
        let refusal = try F.refusal {
            try AssistancePolicy.fromEnvironment(["ASSISTANCE_EXTREME_POVERTY_BASELINE": "last-year"])
        }
        #expect(refusal?.code == "settings.invalid")
        #expect(refusal?.detail == "ASSISTANCE_EXTREME_POVERTY_BASELINE=last-year must be one of same-year, previous-year")
    }

    @Test("growth floors are set per figure and area; the older single 低保 floor still sets both 低保 defaults")
    func growthFloors() throws {
        let set = try AssistancePolicy.fromEnvironment([
            "ASSISTANCE_STANDARD_GROWTH_FLOOR_PERMILLE_EXTREME_POVERTY_BASIC_RURAL": "200",
            "ASSISTANCE_STANDARD_GROWTH_FLOOR_PERMILLE_EXTREME_POVERTY_CARE_URBAN": "0",
        ]).growthFloors
        #expect(set.floor(of: .extremePovertyBasic, in: .rural) == 200)
        #expect(set.floor(of: .extremePovertyCare, in: .urban) == 0)
        #expect(set.floor(of: .extremePovertyBasic, in: .urban) == 100)
        let legacy = try AssistancePolicy.fromEnvironment([
            "ASSISTANCE_STANDARD_GROWTH_FLOOR_PERMILLE": "80",
            "ASSISTANCE_STANDARD_GROWTH_FLOOR_PERMILLE_MINIMUM_LIVING_ALLOWANCE_RURAL": "120",
        ]).growthFloors
        #expect(legacy.floor(of: .minimumLivingAllowance, in: .urban) == 80)
        #expect(legacy.floor(of: .minimumLivingAllowance, in: .rural) == 120)
        #expect(legacy.floor(of: .extremePovertyBasic, in: .rural) == 150)
        let refusal = try F.refusal {
            try AssistancePolicy.fromEnvironment(["ASSISTANCE_STANDARD_GROWTH_FLOOR_PERMILLE_EXTREME_POVERTY_CARE_RURAL": "-5"])
        }
        #expect(refusal?.code == "settings.invalid")
        #expect(refusal?.detail.contains("ASSISTANCE_STANDARD_GROWTH_FLOOR_PERMILLE_EXTREME_POVERTY_CARE_RURAL") == true)
    }

    @Test("the outreach region is a region code")
    func outreachRegion() throws {
        #expect(try AssistancePolicy.fromEnvironment(["ASSISTANCE_OUTREACH_REGION": "620400"]).outreachRegion == F.region("620400"))
        let refusal = try F.refusal { try AssistancePolicy.fromEnvironment(["ASSISTANCE_OUTREACH_REGION": "6204"]) }
        #expect(refusal?.code == "settings.invalid")
        #expect(refusal?.detail.hasPrefix("ASSISTANCE_OUTREACH_REGION=6204 is not a region code") == true)
    }

    @Test("a change report replaces the named members' declared incomes and keeps everything else")
    func redeclared() throws {
        let members = try [F.member(1, income: "300"), F.member(2, relation: .spouse, income: "200")]
        let report = try ChangeReport(kind: .income, description: "改为兼职",
                                      declaredIncomes: [(F.person(1), [try IncomeItem(kind: .wages, monthlyAmount: Money(yuan: 100))])])
        let changed = try report.redeclared(members)
        #expect(changed.map(\.monthlyIncome) == [Money(yuan: 100), Money(yuan: 200)])
        #expect(changed.map(\.person) == members.map(\.person))
        #expect(report.reason == "income change: 改为兼职")
    }

    @Test("a change report naming someone outside the household is refused")
    func redeclaredStranger() throws {
        let report = try ChangeReport(kind: .income, description: "x", declaredIncomes: [(F.person(9), [])])
        let refusal = try F.refusal { try report.redeclared([F.member(1)]) }
        #expect(refusal?.code == "change-report.not-a-member")
    }

    @Test("a residence change with new bases moves the household to the county they make responsible")
    func moveDestination() throws {
        let moved = try ChangeReport(kind: .residence, description: "迁居",
                                     residence: [.residencePermit(F.region("620402")), .householdRegistration(F.region("620421100"))])
        #expect(try moved.destination(policy: ResidencePolicy()) == F.region("620421"))
        let described = ChangeReport(kind: .residence, description: "县内搬家")
        #expect(try described.destination(policy: ResidencePolicy()) == nil)
    }

    @Test("new residence bases are refused on another kind of change, and when none of them allows applying")
    func moveRefused() throws {
        let misfiled = try ChangeReport(kind: .income, description: "x", residence: [.householdRegistration(F.region("620421"))])
        #expect(try F.refusal { try misfiled.destination(policy: ResidencePolicy()) }?.code
                == "change-report.residence-not-a-move")
        let permitOnly = try ChangeReport(kind: .residence, description: "x", residence: [.residencePermit(F.region("620421"))])
        #expect(try F.refusal { try permitOnly.destination(policy: ResidencePolicy(acceptsResidencePermit: false)) }?.code
                == "change-report.no-residence-basis")
    }

    @Test("agency records: an income or asset kind with a known category; anything else is not a fact",
          arguments: [("income", "wages", true), ("asset", "vehicle", true), ("income", "lottery", false), ("debt", "wages", false)])
    func facts(_ kind: String, _ category: String, _ known: Bool) {
        #expect((VerificationRecord.Fact(kind: kind, category: category, amount: Money(yuan: 1)) != nil) == known)
    }
}
