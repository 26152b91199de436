import Foundation
import ServiceKit

/// A service's `Services/<Service>/openapi.json` set against the routes its definition serves, as
/// plain values for a test to expect on (`#expect(contract.undocumented == [])`). One check for
/// every service, so each service's contract test only names its document and its definition.
public struct OpenAPIContract {
    /// Added by `ServiceRuntime` for every service, outside `<Service>.definition()`.
    public static let platformRoutes: Set<String> = ["GET /health/live", "GET /health/ready", "GET /metrics"]

    public let document: [String: Any]
    public let documented: Set<String>
    /// The definition's routes, and the platform routes too where the document covers them.
    public let served: Set<String>

    /// - Parameters:
    ///   - service: the folder under `Services/` that holds `openapi.json`.
    ///   - documentsPlatformRoutes: whether the document also describes the platform routes (the
    ///     Registry's does; the others leave them to the runtime).
    public init(service: String, definition: ServiceDefinition, documentsPlatformRoutes: Bool = false) throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("../../Services/\(service)/openapi.json")
            .standardizedFileURL
        guard let document = try JSONSerialization.jsonObject(with: try Data(contentsOf: url)) as? [String: Any] else {
            throw OpenAPIRoutes.MalformedDocument(description: "\(url.path) is not a JSON object")
        }
        self.document = document
        documented = try OpenAPIRoutes.documented(document)
        let routes = try OpenAPIRoutes.served(definition)
        served = documentsPlatformRoutes ? routes.union(Self.platformRoutes) : routes
    }

    /// The document's `openapi` field, `""` without one.
    public var version: String { document["openapi"] as? String ?? "" }

    /// Served but not in the document.
    public var undocumented: [String] { served.subtracting(documented).sorted() }

    /// In the document but not served.
    public var notServed: [String] { documented.subtracting(served).sorted() }

    /// Platform routes the document describes although they belong to the runtime.
    public var documentedPlatformRoutes: [String] { documented.intersection(Self.platformRoutes).sorted() }

    /// Local `$ref`s that point at nothing.
    public var unresolvedReferences: [String] {
        var refs: [String] = []
        Self.collectReferences(document, into: &refs)
        return Set(refs).filter { Self.resolve($0, in: document) == nil }.sorted()
    }

    /// Operations (`"GET /x"`) without an `operationId`.
    public var operationsWithoutID: [String] { operations.filter { $0.id == nil }.map(\.route).sorted() }

    /// `operationId`s that more than one operation carries.
    public var duplicateOperationIDs: [String] {
        Dictionary(grouping: operations.compactMap(\.id), by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
    }

    private var operations: [(route: String, id: String?)] {
        let paths = document["paths"] as? [String: Any] ?? [:]
        return paths.flatMap { path, item in
            (item as? [String: Any] ?? [:]).compactMap { method, operation -> (route: String, id: String?)? in
                guard OpenAPIRoutes.httpMethods.contains(method) else { return nil }
                return ("\(method.uppercased()) \(path)", (operation as? [String: Any])?["operationId"] as? String)
            }
        }
    }

    private static func collectReferences(_ value: Any, into refs: inout [String]) {
        if let object = value as? [String: Any] {
            if let ref = object["$ref"] as? String { refs.append(ref) }
            for (_, child) in object { collectReferences(child, into: &refs) }
        } else if let array = value as? [Any] {
            for child in array { collectReferences(child, into: &refs) }
        }
    }

    /// Resolves a local JSON pointer such as `#/components/schemas/Problem`.
    private static func resolve(_ ref: String, in document: [String: Any]) -> Any? {
        guard ref.hasPrefix("#/") else { return nil }
        var node: Any = document
        for token in ref.dropFirst(2).split(separator: "/") {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let object = node as? [String: Any], let next = object[key] else { return nil }
            node = next
        }
        return node
    }
}
