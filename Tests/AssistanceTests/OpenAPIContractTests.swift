import AssistanceDomain
import Testing
import TestKit
import TestSupport
@testable import Assistance

/// `Services/Assistance/openapi.json` documents exactly the routes Assistance serves, and leaves
/// out the platform routes that `ServiceRuntime` adds to every service.
@Suite("Assistance OpenAPI document", .tags(.unit))
struct AssistanceOpenAPIContractTests {
    let contract: OpenAPIContract

    init() throws {
        contract = try OpenAPIContract(service: "Assistance",
                                       definition: AssistanceService.definition(policy: try AssistancePolicy.fromEnvironment([:])))
    }

    @Test func documentsExactlyTheServedRoutes() { contract.expectDocumentsExactlyTheServedRoutes() }
    @Test func leavesOutThePlatformRoutes() { contract.expectLeavesOutThePlatformRoutes() }
    @Test func referencesResolveAndOperationIDsAreUnique() { contract.expectReferencesResolveAndOperationIDsAreUnique() }
}
