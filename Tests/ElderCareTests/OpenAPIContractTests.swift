import Testing
import TestKit
import TestSupport
@testable import ElderCare

/// `Services/ElderCare/openapi.json` documents exactly the routes ElderCare serves, and leaves
/// out the platform routes that `ServiceRuntime` adds to every service.
@Suite("ElderCare OpenAPI document", .tags(.unit))
struct ElderCareOpenAPIContractTests {
    let contract: OpenAPIContract

    init() throws {
        contract = try OpenAPIContract(service: "ElderCare",
                                       definition: ElderCareService.definition(policy: try ElderCarePolicy.fromEnvironment([:])))
    }

    @Test func documentsExactlyTheServedRoutes() { contract.expectDocumentsExactlyTheServedRoutes() }
    @Test func leavesOutThePlatformRoutes() { contract.expectLeavesOutThePlatformRoutes() }
    @Test func referencesResolveAndOperationIDsAreUnique() { contract.expectReferencesResolveAndOperationIDsAreUnique() }
}
