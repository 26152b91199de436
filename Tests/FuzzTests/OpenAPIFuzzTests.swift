import Foundation
import Testing
import TestKit
import TestSupport
import AssistanceDomain
@testable import Assistance
@testable import ElderCare
@testable import Registry

/// Property-based fuzzing of each service's OpenAPI document with schemathesis: every operation
/// gets generated valid and invalid requests; the run fails on any 5xx, on a request that breaks
/// the schema but is accepted, and on a response the document does not describe.
@Suite("OpenAPI fuzzing (schemathesis)", .tags(.postgres, .kafka, .slow), .serialized)
struct OpenAPIFuzzTests {
    @Test func registry() async throws {
        let definition = RegistryService.definition(policy: try FuneralSettings.policy(environment: [:]))
        let outcome = try await Schemathesis.fuzz(definition)
        #expect(outcome.status == 0, "schemathesis found failures in the Registry API:\n\(outcome.report)")
    }

    @Test func assistance() async throws {
        let definition = AssistanceService.definition(policy: try AssistancePolicy.fromEnvironment([:]))
        let outcome = try await Schemathesis.fuzz(definition)
        #expect(outcome.status == 0, "schemathesis found failures in the Assistance API:\n\(outcome.report)")
    }

    @Test func elderCare() async throws {
        let definition = ElderCareService.definition(policy: try ElderCarePolicy.fromEnvironment([:]))
        let outcome = try await Schemathesis.fuzz(definition)
        #expect(outcome.status == 0, "schemathesis found failures in the ElderCare API:\n\(outcome.report)")
    }
}
