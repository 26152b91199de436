import Contracts
import Testing
@testable import RegistryDomain
import TestKit

/// Reading an adoption application (one adopter or a couple, the child's category) and a
/// dissolution (Civil Code arts. 1114–1116).
@Suite("Adoption applications and dissolutions", .tags(.unit))
struct AdoptionApplicationTests {
    typealias F = RegistryDomainFixture
    typealias Adopter = AdoptionEligibility.Adopter

    static var candidates: [Adopter] {
        get throws {
            try [
                Adopter(id: F.man(born: "1980-01-01"), existingChildren: 0, isMarried: true, spouseConsent: true),
                Adopter(id: F.woman(born: "1982-01-01"), existingChildren: 0, isMarried: true, spouseConsent: true),
                Adopter(id: F.woman(born: "1983-01-01", sequence: 4), existingChildren: 0, isMarried: false, spouseConsent: false),
            ]
        }
    }

    func adopters(_ count: Int) throws -> Result<AdoptionEligibility.Adopters, RuleViolation> {
        let chosen = Array(try Self.candidates.prefix(count))
        return Result { () throws(RuleViolation) in
            try AdoptionEligibility.Adopters(chosen) { _, adopter in adopter }
        }
    }

    @Test func oneAdopterOrACouple() throws {
        #expect(try adopters(1).get() == .single(Self.candidates[0]))
        #expect(try adopters(2).get() == .couple(Self.candidates[0], Self.candidates[1]))
    }

    @Test(arguments: [0, 3])
    func anyOtherCountIsRefusedBeforeAnEntryIsRead(count: Int) throws {
        var read = 0
        let refusal = try F.refusal {
            _ = try AdoptionEligibility.Adopters(Array(Self.candidates.prefix(count))) { _, adopter in
                read += 1
                return adopter
            }
        }
        #expect(refusal?.code == "adoption.adopter-count")
        #expect(read == 0)
    }

    @Test(arguments: [
        ("orphan", AdoptionEligibility.Child.Category.orphan), ("parents-cannot-be-found", .parentsCannotBeFound),
        ("parents-in-special-hardship", .parentsInSpecialHardship), ("other", .other),
    ])
    func childCategories(text: String, category: AdoptionEligibility.Child.Category) throws {
        #expect(try AdoptionEligibility.Child.Category(parsing: text) == category)
    }

    @Test func anUnknownCategoryIsRefused() throws {
        let refusal = try F.refusal { _ = try AdoptionEligibility.Child.Category(parsing: "lost") }
        #expect(refusal?.code == "adoption.unknown-category")
    }

    @Test func aCourtDissolutionNeedsItsDocument() throws {
        let registered = try AdoptionDissolution(basis: AdoptionDissolution.basis(parsing: "registration"), documentNumber: nil)
        #expect(registered.basis == .registration)
        let judged = try AdoptionDissolution(basis: AdoptionDissolution.basis(parsing: "court-document"), documentNumber: "(2026)甘0423民初1号")
        #expect(judged.documentNumber == "(2026)甘0423民初1号")
        let missing = try F.refusal { _ = try AdoptionDissolution(basis: .courtDocument, documentNumber: nil) }
        #expect(missing?.code == "adoption.document-missing")
        let unknown = try F.refusal { _ = try AdoptionDissolution.basis(parsing: "agreement") }
        #expect(unknown?.code == "adoption.unknown-basis")
    }
}
