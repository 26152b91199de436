import Testing
import TestSupport

/// The expectations every service's OpenAPI contract test makes, reported at the caller's line.
extension OpenAPIContract {
    /// An OpenAPI 3.1 document with every served route and nothing else.
    public func expectDocumentsExactlyTheServedRoutes(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(version.hasPrefix("3.1"), "openapi is \(version)", sourceLocation: sourceLocation)
        #expect(undocumented == [], "served but not in openapi.json", sourceLocation: sourceLocation)
        #expect(notServed == [], "in openapi.json but not served", sourceLocation: sourceLocation)
        // Not two empty sets agreeing.
        #expect(!served.subtracting(Self.platformRoutes).isEmpty, "the service serves no routes of its own", sourceLocation: sourceLocation)
    }

    /// The platform routes belong to the runtime, not to the service's document.
    public func expectLeavesOutThePlatformRoutes(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(documentedPlatformRoutes == [], "platform routes belong to the runtime, not this document", sourceLocation: sourceLocation)
    }

    /// Every `$ref` points at something in the document, and every operation has its own `operationId`.
    public func expectReferencesResolveAndOperationIDsAreUnique(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(unresolvedReferences == [], sourceLocation: sourceLocation)
        #expect(operationsWithoutID == [], sourceLocation: sourceLocation)
        #expect(duplicateOperationIDs == [], sourceLocation: sourceLocation)
    }
}
