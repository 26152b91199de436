import Testing
import TestKit
import TestSupport
@testable import Registry

/// `Services/Registry/openapi.json` documents exactly the routes the Registry serves, the
/// platform routes included.
@Suite("Registry OpenAPI document", .tags(.unit))
struct OpenAPIContractTests {
    let contract: OpenAPIContract

    init() throws {
        contract = try OpenAPIContract(service: "Registry", definition: RegistryService.definition(policy: try FuneralSettings.policy(environment: [:])),
                                       documentsPlatformRoutes: true)
    }

    @Test func documentsExactlyTheServedRoutes() {
        contract.expectDocumentsExactlyTheServedRoutes()
        #expect(contract.served.subtracting(OpenAPIContract.platformRoutes).count == 23)
    }

    @Test func referencesResolveAndOperationIDsAreUnique() { contract.expectReferencesResolveAndOperationIDsAreUnique() }
}
