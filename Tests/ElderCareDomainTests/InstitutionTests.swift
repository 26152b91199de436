import Contracts
import Testing
import TestKit
@testable import ElderCareDomain

@Suite("Institutions (养老机构): filing, grade, beds, admission", .tags(.unit))
struct InstitutionTests {
    typealias F = ElderCareDomainFixture

    static func institution(operator code: CreditCode, ownership: InstitutionOwnership = .public, kind: InstitutionKind = .careHome,
                            region: String = "620423", beds: BedInventory = .empty) throws -> ElderCareInstitution {
        try ElderCareInstitution(name: "景泰县社会福利院", operatorCode: code, ownership: ownership, kind: kind, region: try F.region(region),
                                 filedOn: try F.date("2021-05-10"), beds: beds)
    }

    @Test("the operator's kind from its credit code", arguments: [
        ("1", "2", OperatorKind.publicBody), ("1", "1", .publicBody), ("1", "3", .other), ("5", "2", .socialOrganisation),
        ("5", "1", .socialOrganisation), ("9", "1", .enterprise), ("Y", "1", .other),
    ] as [(Character, Character, OperatorKind)])
    func operatorKind(_ authority: Character, _ type: Character, _ kind: OperatorKind) throws {
        #expect(OperatorKind(creditCode: try F.creditCode(authority, type)) == kind)
    }

    @Test("a filing needs a name; a 敬老院 or welfare home is public")
    func filing() throws {
        let code = try F.creditCode("5", "2")
        let region = try F.jingtai()
        let day = try F.date("2021-05-10")
        #expect(F.refusal { () throws(RuleViolation) in
            try ElderCareInstitution(name: " ", operatorCode: code, ownership: .public, kind: .careHome, region: region, filedOn: day)
        }?.code == "institution.name-missing")
        for kind in [InstitutionKind.extremePovertySupport, .welfareHome] {
            #expect(F.refusal { () throws(RuleViolation) in
                try ElderCareInstitution(name: "某敬老院", operatorCode: code, ownership: .private, kind: kind, region: region, filedOn: day)
            }?.code == "institution.kind-needs-public-ownership")
        }
        let publicBuiltPrivatelyRun = try Self.institution(operator: code, kind: .extremePovertySupport)
        #expect(publicBuiltPrivatelyRun.operatorKind == .socialOrganisation)
        #expect(publicBuiltPrivatelyRun.ownership == .public)
    }

    @Test("grades 1...5, awarded after the filing, in order")
    func grades() throws {
        var home = try Self.institution(operator: try F.creditCode("1", "2"))
        for bad in [0, 6] {
            let day = try F.date("2023-01-01")
            #expect(F.refusal { () throws(RuleViolation) in try InstitutionGrade(grade: bad, awardedOn: day) }?.code == "institution.grade-invalid")
        }
        let beforeFiling = try InstitutionGrade(grade: 2, awardedOn: try F.date("2021-05-09"))
        #expect(F.refusal { () throws(RuleViolation) in try home.grade(beforeFiling) }?.code == "institution.graded-before-filing")
        try home.grade(try InstitutionGrade(grade: 2, awardedOn: try F.date("2023-06-01")))
        let older = try InstitutionGrade(grade: 3, awardedOn: try F.date("2022-06-01"))
        let refusal = F.refusal { () throws(RuleViolation) in try home.grade(older) }
        #expect(refusal?.code == "institution.grade-out-of-order")
        #expect(refusal?.kind == .conflict)
        try home.grade(try InstitutionGrade(grade: 3, awardedOn: try F.date("2025-06-01")))
        #expect(home.grade?.grade == 3)
    }

    @Test("beds by type: totals, free beds, occupancy and nursing-type beds")
    func beds() throws {
        let beds = try BedInventory([.nursing: (beds: 60, occupied: 40), .dementia: (beds: 20, occupied: 20), .general: (beds: 120, occupied: 30)])
        #expect(beds.totalBeds == 200)
        #expect(beds.totalOccupied == 90)
        #expect(beds.free(.dementia) == 0)
        #expect(beds.free(.general) == 90)
        #expect(beds.occupancy == Proportion(count: 90, of: 200))
        #expect(beds.nursingTypeBeds() == 80)
        #expect(beds.nursingTypeBeds(countingDementia: false) == 60)
        #expect(BedInventory.empty.totalBeds == 0)
        #expect(F.refusal { () throws(RuleViolation) in try BedInventory([.general: (beds: -1, occupied: 0)]) }?.code == "institution.beds-invalid")
        #expect(F.refusal { () throws(RuleViolation) in try BedInventory([.nursing: (beds: 10, occupied: 11)]) }?.code
            == "institution.occupancy-exceeds-beds")
        var home = try Self.institution(operator: try F.creditCode("1", "2"))
        home.changeBeds(to: beds)
        #expect(home.beds == beds)
    }

    @Test("who may admit: a public body, or a social organisation SocialOrg registered", arguments: [
        ("1", "2", false, true), ("1", "2", true, true), ("5", "2", true, true), ("5", "2", false, false), ("9", "1", true, false),
        ("Y", "1", true, false),
    ] as [(Character, Character, Bool, Bool)])
    func registration(_ authority: Character, _ type: Character, _ registered: Bool, _ mayAdmit: Bool) throws {
        let home = try Self.institution(operator: try F.creditCode(authority, type))
        let standing = OperatorStanding(registeredWithSocialOrg: registered)
        #expect(AdmissionGate().mayAdmit(home, standing: standing) == mayAdmit)
        if !mayAdmit {
            #expect(AdmissionGate().refusals(home, standing: standing).map(\.code) == ["institution.operator-not-registered"])
        }
    }

    @Test("an enterprise operator admits only where the county allows enterprises")
    func enterprises() throws {
        let home = try Self.institution(operator: try F.creditCode("9", "1"), ownership: .private)
        let standing = OperatorStanding(registeredWithSocialOrg: false)
        #expect(AdmissionGate().mayAdmit(home, standing: standing) == false)
        #expect(AdmissionGate(allowingEnterprises: true).mayAdmit(home, standing: standing) == true)
    }

    @Test("the serious-dishonesty list suspends admissions; every refusal is listed in order, the first thrown")
    func dishonesty() throws {
        let beds = try BedInventory([.nursing: (beds: 10, occupied: 10), .general: (beds: 5, occupied: 1)])
        let home = try Self.institution(operator: try F.creditCode("5", "2"), beds: beds)
        let listed = OperatorStanding(registeredWithSocialOrg: true, seriouslyDishonest: true)
        #expect(AdmissionGate().refusals(home, standing: listed).map(\.code) == ["institution.operator-seriously-dishonest"])
        let unregisteredAndListed = OperatorStanding(registeredWithSocialOrg: false, seriouslyDishonest: true)
        #expect(AdmissionGate().refusals(home, standing: unregisteredAndListed, bed: .nursing).map(\.code)
            == ["institution.operator-not-registered", "institution.operator-seriously-dishonest", "institution.no-free-bed"])
        let thrown = F.refusal { () throws(RuleViolation) in try AdmissionGate().check(home, standing: unregisteredAndListed) }
        #expect(thrown?.code == "institution.operator-not-registered")
        let good = OperatorStanding(registeredWithSocialOrg: true)
        let full = F.refusal { () throws(RuleViolation) in try AdmissionGate().check(home, standing: good, bed: .nursing) }
        #expect(full?.code == "institution.no-free-bed")
        #expect(full?.kind == .conflict)
        #expect(AdmissionGate().mayAdmit(home, standing: good, bed: .general) == true)
        #expect(AdmissionGate().mayAdmit(home, standing: good, bed: .dementia) == false)
    }

    @Test("a bed held by an outstanding offer is not free for another")
    func reservedBeds() throws {
        let beds = try BedInventory([.general: (beds: 5, occupied: 3)])
        let home = try Self.institution(operator: try F.creditCode("1", "2"), beds: beds)
        let standing = OperatorStanding(registeredWithSocialOrg: false)
        #expect(AdmissionGate().mayAdmit(home, standing: standing, bed: .general, reserved: 1) == true)
        let held = AdmissionGate().refusals(home, standing: standing, bed: .general, reserved: 2)
        #expect(held.map(\.code) == ["institution.no-free-bed"])
        #expect(AdmissionGate().mayAdmit(home, standing: standing, bed: .general, reserved: -4) == true)
        #expect(AdmissionGate().mayAdmit(home, standing: standing, reserved: 9) == true)
    }
}

@Suite("Bed and support statistics", .tags(.unit))
struct BedStatisticsTests {
    typealias F = ElderCareDomainFixture

    static func home(_ kind: InstitutionKind, region: String = "620423", nursing: Int, dementia: Int = 0, general: Int,
                     occupied: Int = 0) throws -> ElderCareInstitution {
        let beds = try BedInventory([.nursing: (beds: nursing, occupied: 0), .dementia: (beds: dementia, occupied: 0),
                                     .general: (beds: general, occupied: occupied)])
        return try ElderCareInstitution(name: "机构", operatorCode: try F.creditCode("1", "2"), ownership: .public, kind: kind,
                                        region: try F.region(region), filedOn: try F.date("2020-01-01"), beds: beds)
    }

    @Test("the county's nursing-type share against 55% (seed 003 L14)")
    func countyShare() throws {
        let homes = [
            try Self.home(.welfareHome, nursing: 60, dementia: 20, general: 40),
            try Self.home(.extremePovertySupport, region: "620423100", nursing: 10, general: 30),
            try Self.home(.careHome, region: "620423101", nursing: 0, general: 15),
            try Self.home(.careHome, region: "620422", nursing: 100, general: 0),  // another county
        ]
        let county = try F.jingtai()
        let share = BedStatistics.nursingShare(in: county, institutions: homes)
        #expect(share == Proportion(count: 90, of: 175))
        #expect(ElderCareTargets.countyNursingBedShare.isMet(by: share) == false)
        #expect(ElderCareTargets.countyNursingBedShare.shortfall(of: share) == 7)
        let withoutDementia = BedStatistics.nursingShare(in: county, institutions: homes, countingDementia: false)
        #expect(withoutDementia == Proportion(count: 70, of: 175))
        let support = BedStatistics.supportFacilityNursingShare(in: county, institutions: homes)
        #expect(support == Proportion(count: 10, of: 40))
        #expect(ElderCareTargets.supportFacilityNursingBedShare.isMet(by: support) == false)
        #expect(ElderCareTargets.supportFacilityNursingBedShare.shortfall(of: support) == 10)
    }

    @Test("Jingtai's public institutions at the end of 2020: 105 residents in 265 beds, 39.6% (seed 003 L12)")
    func jingtaiOccupancy() throws {
        let homes = [try Self.home(.welfareHome, nursing: 0, general: 265, occupied: 105)]
        let occupancy = BedStatistics.occupancy(in: try F.jingtai(), institutions: homes)
        #expect(occupancy == Proportion(count: 105, of: 265))
        #expect(occupancy.perMille == 396)
    }

    @Test("centralised support of dependent 特困 elderly against 60%, of the willing against 100%")
    func centralised() {
        let people = [
            CentralisedSupport.Person(capability: .severe, centralised: true, wantsCentralised: true),
            CentralisedSupport.Person(capability: .mild, centralised: true),
            CentralisedSupport.Person(capability: .moderate, centralised: false, wantsCentralised: true),
            CentralisedSupport.Person(capability: .complete, centralised: true, wantsCentralised: true),
            CentralisedSupport.Person(capability: .intact, centralised: false),
            CentralisedSupport.Person(capability: nil, centralised: true),
        ]
        let dependent = CentralisedSupport.rateOfDependent(people)
        #expect(dependent == Proportion(count: 3, of: 4))
        #expect(ElderCareTargets.centralisedSupportOfDependentExtremePoverty.isMet(by: dependent) == true)
        let willing = CentralisedSupport.rateOfWilling(people)
        #expect(willing == Proportion(count: 2, of: 3))
        #expect(ElderCareTargets.centralisedSupportOfWilling.isMet(by: willing) == false)
    }
}
