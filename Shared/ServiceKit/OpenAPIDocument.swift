import Foundation
import SchemaValidation

/// A service's OpenAPI 3.1 document, read once at start-up: what each operation accepts.
///
/// The document is the contract integrators read, and `RequestValidationMiddleware` enforces it
/// on every request, so what it declares (lengths, ranges, required fields, enums) is what the
/// code does. Only the parts validation needs are modelled; the JSON itself is served unchanged at
/// `GET /openapi.json`.
public struct OpenAPIDocument: Sendable {
    /// The document's bytes, as served.
    public let data: Data
    let validator: JSONSchemaValidator
    /// `"POST /leads/{id}/closure"` → what that operation accepts.
    let operations: [String: Operation]

    struct Parameter: Sendable {
        enum Location: String, Sendable { case path, query, header }
        var name: String
        var location: Location
        var required: Bool
        /// JSON pointer of the parameter's schema within the document.
        var schemaPointer: String
        /// The schema's `type` (after one `$ref`), to read a text value as a number or boolean.
        var type: String?
        /// The schema's `format` (after one `$ref`): a UUID keeps the stable `request.invalid-id` code.
        var format: String?
    }

    struct Operation: Sendable {
        var parameters: [Parameter]
        /// JSON pointer of the JSON request body's schema, when the operation takes a body.
        var bodySchemaPointer: String?
        var bodyRequired: Bool
    }

    public struct Malformed: Error, CustomStringConvertible {
        public let description: String
    }

    public init(data: Data) throws {
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let paths = root["paths"] as? [String: Any]
        else { throw Malformed(description: "an OpenAPI document needs a `paths` object") }
        self.data = data
        validator = JSONSchemaValidator(schema: root, ignoring: Self.checkedByHandlers)
        var operations: [String: Operation] = [:]
        for (path, item) in paths {
            guard let item = item as? [String: Any] else { throw Malformed(description: "path item \(path) is not an object") }
            let pathPointer = "#/paths/\(Self.escape(path))"
            let shared = try Self.parameters(item["parameters"], at: "\(pathPointer)/parameters", root: root)
            for (method, value) in item where Self.methods.contains(method) {
                guard let operation = value as? [String: Any] else { continue }
                let pointer = "\(pathPointer)/\(method)"
                let own = try Self.parameters(operation["parameters"], at: "\(pointer)/parameters", root: root)
                // An operation's parameter overrides a path-level one of the same name and location.
                let merged = own + shared.filter { inherited in !own.contains { $0.name == inherited.name && $0.location == inherited.location } }
                var bodyPointer: String?
                var bodyRequired = false
                if let body = operation["requestBody"] as? [String: Any] {
                    bodyRequired = body["required"] as? Bool ?? false
                    if let content = body["content"] as? [String: Any], content["application/json"] != nil {
                        bodyPointer = "\(pointer)/requestBody/content/application~1json/schema"
                    }
                }
                operations["\(method.uppercased()) \(path)"] = Operation(parameters: merged, bodySchemaPointer: bodyPointer, bodyRequired: bodyRequired)
            }
        }
        self.operations = operations
    }

    /// Reads the document from a file, e.g. a service's bundled `openapi.json`.
    public init(contentsOf url: URL) throws {
        try self.init(data: Data(contentsOf: url))
    }

    /// Reads `<name>.json` from a resource bundle: a service's `Bundle.module`.
    public init(resource name: String, in bundle: Bundle) throws {
        guard let url = bundle.url(forResource: name, withExtension: "json") else {
            throw Malformed(description: "\(name).json is not in the bundle \(bundle.bundlePath)")
        }
        try self.init(contentsOf: url)
    }

    /// What the middleware leaves to the routes: the document still declares these (integrators
    /// read them, schemathesis tests them), but the route's own parsing refuses a violation with a
    /// code that names it (`region-code.wrong-length`, `request.invalid-kind`,
    /// `risk-signal.person-missing`, `standard.amount-not-positive`) rather than a generic one.
    /// The middleware keeps what protects the service whatever a route does: types, upper bounds
    /// (`maxLength`, `maxItems`, `maximum`, integer formats), UUID path parameters and NUL.
    static let checkedByHandlers: Set<String> = [
        "enum", "const", "pattern", "required", "oneOf", "anyOf", "minLength", "minItems",
        "minimum", "exclusiveMinimum", "additionalProperties", "format:date", "format:date-time",
    ]

    func operation(method: String, path: String) -> Operation? {
        operations["\(method) \(path)"]
    }

    /// The HTTP methods a path item may hold operations for.
    public static let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options", "trace"]

    /// A Hummingbird route path as the document writes it: `/cases/:id` → `/cases/{id}`
    /// (Hummingbird 2.28 already renders captures as `{id}`).
    public static func path(ofRoute route: String) -> String {
        route.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            .joined(separator: "/")
    }

    /// JSON pointer token escaping (RFC 6901).
    static func escape(_ token: String) -> String {
        token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    private static func parameters(_ list: Any?, at pointer: String, root: [String: Any]) throws -> [Parameter] {
        guard let list = list as? [Any] else { return [] }
        return try list.enumerated().map { index, entry in
            var entryPointer = "\(pointer)/\(index)"
            var object = entry as? [String: Any]
            if let reference = object?["$ref"] as? String {
                entryPointer = reference
                object = resolve(reference, in: root) as? [String: Any]
            }
            guard let object, let name = object["name"] as? String,
                  let location = (object["in"] as? String).flatMap(Parameter.Location.init(rawValue:))
            else { throw Malformed(description: "parameter \(entryPointer) needs a name and an `in` of path, query or header") }
            var schema = object["schema"] as? [String: Any]
            if let reference = schema?["$ref"] as? String { schema = resolve(reference, in: root) as? [String: Any] }
            return Parameter(
                name: name, location: location, required: object["required"] as? Bool ?? (location == .path),
                schemaPointer: "\(entryPointer)/schema", type: schema?["type"] as? String, format: schema?["format"] as? String)
        }
    }

    private static func resolve(_ reference: String, in root: [String: Any]) -> Any? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: Any = root
        for token in reference.dropFirst(2).split(separator: "/") {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let object = node as? [String: Any], let next = object[key] else { return nil }
            node = next
        }
        return node
    }
}
