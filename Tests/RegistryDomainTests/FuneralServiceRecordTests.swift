import Contracts
import Testing
@testable import RegistryDomain
import TestKit

@Suite("Funeral service records", .tags(.unit))
struct FuneralServiceRecordTests {
    static var death: CivilDate { get throws { try CivilDate(iso: "2026-03-14") } }  // fixture

    func validate(_ service: String, on day: String = "2026-03-15", certificate: String? = nil, plot: String? = nil)
        throws -> Result<FuneralServiceRecord, RuleViolation> {
        let performedOn = try CivilDate(iso: day)
        let death = try Self.death
        return Result { () throws(RuleViolation) in
            try FuneralServiceRecord.validate(service: service, performedOn: performedOn, dateOfDeath: death,
                                              cremationCertificate: certificate, cemeteryPlot: plot)
        }
    }

    @Test(arguments: [("transport", FuneralServiceRecord.transport), ("storage", .storage), ("ash-storage", .ashStorage)])
    func plainServices(name: String, expected: FuneralServiceRecord) throws {
        #expect(try validate(name).get() == expected)
    }

    @Test func cremationNeedsItsCertificate() throws {
        #expect(try validate("cremation", certificate: "HZ-1").get() == .cremation(certificate: "HZ-1"))
        #expect(try validate("cremation", certificate: "  ").failureCode == "funeral.cremation-certificate-missing")
        #expect(try validate("cremation").failureCode == "funeral.cremation-certificate-missing")
    }

    @Test func burialNeedsItsPlot() throws {
        #expect(try validate("burial", plot: "A-12").get() == .burial(plot: "A-12"))
        #expect(try validate("burial").failureCode == "funeral.cemetery-plot-missing")
    }

    @Test func notBeforeTheDeathAndOnlyKnownServices() throws {
        #expect(try validate("transport", on: "2026-03-13").failureCode == "funeral.before-death")
        #expect((try? validate("transport", on: "2026-03-14").get()) == .transport)  // the day of death itself
        #expect(try validate("party").failureCode == "funeral.unknown-service")
    }
}

extension Result where Failure == RuleViolation {
    var failureCode: String? {
        if case .failure(let violation) = self { return violation.code }
        return nil
    }
}
