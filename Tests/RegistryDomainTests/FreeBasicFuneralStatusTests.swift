import Contracts
import Testing
@testable import RegistryDomain
import TestKit

/// The free basic funeral waits for the cremation: 景泰县规划 第三章（五）7 (seed 003 L17) grants it to
/// people in difficulty "死亡后实行火化".
@Suite("Free basic funeral: made when the body is cremated", .tags(.unit))
struct FreeBasicFuneralStatusTests {
    typealias F = RegistryDomainFixture
    typealias Status = FreeBasicFuneralStatus

    static var cremated: BodyDisposition { get throws { try BodyDisposition.cremated(on: F.day("2026-03-16")) } }

    @Test func theDispositionComesFromTheServicesRecorded() throws {
        #expect(BodyDisposition(firstCremation: nil, burialRecorded: false) == .undetermined)
        #expect(BodyDisposition(firstCremation: nil, burialRecorded: true) == .buriedWithoutCremation)
        #expect(try BodyDisposition(firstCremation: F.day("2026-03-16"), burialRecorded: false) == Self.cremated)
        // A burial next to a cremation is the burial of the ashes (骨灰安葬).
        #expect(try BodyDisposition(firstCremation: F.day("2026-03-16"), burialRecorded: true) == Self.cremated)
    }

    /// A qualifying death without a grant yet: what it starts as.
    @Test(arguments: try [
        (BodyDisposition.undetermined, Status.pendingCremation),
        (FreeBasicFuneralStatusTests.cremated, .granted),
        (.buriedWithoutCremation, .withdrawn),
    ])
    func aNewGrantStartsFromTheDisposition(disposition: BodyDisposition, expected: Status) {
        #expect(Status.status(from: nil, disposition: disposition) == expected)
    }

    @Test(arguments: try [
        (BodyDisposition.undetermined, Status.pendingCremation),
        (FreeBasicFuneralStatusTests.cremated, .granted),
        (.buriedWithoutCremation, .withdrawn),
    ])
    func aPendingGrantWaitsForTheCremation(disposition: BodyDisposition, expected: Status) {
        #expect(Status.status(from: .pendingCremation, disposition: disposition) == expected)
    }

    /// Granted means cremated: a burial recorded afterwards is of the ashes and changes nothing.
    @Test(arguments: try [BodyDisposition.undetermined, FreeBasicFuneralStatusTests.cremated, .buriedWithoutCremation])
    func grantedAndRevokedAreFinal(disposition: BodyDisposition) {
        #expect(Status.status(from: .granted, disposition: disposition) == .granted)
        #expect(Status.status(from: .revoked, disposition: disposition) == .revoked)
    }

    /// Exhumed and cremated after all (or the burial was entered by mistake): the condition is met.
    @Test func aCremationAfterAWithdrawalGrants() throws {
        #expect(try Status.status(from: .withdrawn, disposition: Self.cremated) == .granted)
        #expect(Status.status(from: .withdrawn, disposition: .buriedWithoutCremation) == .withdrawn)
    }

    @Test func onlyAGrantedGrantIsPayable() {
        #expect(Status.allCases.filter(\.isPayable) == [.granted])
        #expect(Status.allCases.map(\.rawValue) == ["pending-cremation", "granted", "withdrawn", "revoked"])
    }
}
