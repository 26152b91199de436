import Contracts
import Foundation
import Hummingbird
import SchemaValidation

/// Checks every request against the service's OpenAPI document before a handler runs: path and
/// query parameters and the JSON body must have the declared types and stay within the declared
/// upper bounds (`maxLength`, `maxItems`, `maximum`, integer formats), UUID path parameters must be
/// UUIDs, and no text anywhere may hold a NUL character (PostgreSQL cannot store one; it used to
/// surface as a 500). What a route parses with a more specific code (enums, patterns, required
/// fields, lower bounds, dates) is left to it: see `OpenAPIDocument.checkedByHandlers`.
///
/// One path for all input, so a bound declared in the document is a bound enforced, and a route
/// cannot forget one; schemathesis (Tests/FuzzTests) checks the rest of the document against the
/// routes. Refusals are `RuleViolation.invalid` (400 problem+json) with stable codes:
/// `request.invalid-body`, `request.invalid-parameter`, `request.invalid-id` (a UUID parameter, the
/// code services used before) and `request.invalid-character`. Routes the document does not
/// describe (health, metrics) pass through untouched.
public struct RequestValidationMiddleware<Context: RequestContext>: RouterMiddleware {
    let document: OpenAPIDocument

    public init(document: OpenAPIDocument) {
        self.document = document
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let endpoint = context.endpointPath,
              let operation = document.operation(method: request.method.rawValue, path: OpenAPIDocument.path(ofRoute: endpoint))
        else { return try await next(request, context) }
        try checkParameters(operation, request: request, context: context)
        var request = request
        if let pointer = operation.bodySchemaPointer {
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            try checkBody(Data(buffer: body), schemaAt: pointer, required: operation.bodyRequired)
        }
        return try await next(request, context)
    }

    private func checkParameters(_ operation: OpenAPIDocument.Operation, request: Request, context: Context) throws {
        let query = request.uri.queryParameters
        for parameter in operation.parameters {
            let texts: [String]
            switch parameter.location {
            case .path: texts = context.parameters.get(parameter.name).map { [$0] } ?? []
            case .query: texts = query[values: Substring(parameter.name)].map(String.init)
            case .header: continue  // RequestIDMiddleware owns the one header parameter, X-Request-ID
            }
            let code = parameter.format == "uuid" ? "request.invalid-id" : "request.invalid-parameter"
            guard !texts.isEmpty else {
                if parameter.required { throw RuleViolation.invalid(code, "\(parameter.name) is required") }
                continue
            }
            for text in texts where text.utf8.contains(0) {
                throw RuleViolation.invalid("request.invalid-character", "\(parameter.name) contains a NUL character, which no field accepts")
            }
            let instance: Any = parameter.type == "array" ? texts : Self.typed(texts[0], as: parameter.type)
            if let error = document.validator.validate(instance, againstSchemaAt: parameter.schemaPointer).first {
                throw RuleViolation.invalid(code, "\(parameter.name): \(error.keyword): \(error.message)")
            }
        }
    }

    private func checkBody(_ data: Data, schemaAt pointer: String, required: Bool) throws {
        guard !data.isEmpty else {
            if required { throw RuleViolation.invalid("request.invalid-body", "this request needs a JSON body") }
            return
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw RuleViolation.invalid("request.invalid-body", "the body is not valid JSON in UTF-8")
        }
        if let field = Self.firstNUL(in: object, path: "") {
            throw RuleViolation.invalid("request.invalid-character", "\(field.isEmpty ? "body" : field) contains a NUL character, which no field accepts")
        }
        let errors = document.validator.validate(object, againstSchemaAt: pointer)
        if !errors.isEmpty {
            throw RuleViolation.invalid("request.invalid-body", errors.prefix(3).map(\.description).joined(separator: "; "))
        }
    }

    /// A query or path value as the JSON value its schema's `type` expects; text that does not read
    /// as that type stays text, so the schema's `type` check refuses it.
    static func typed(_ text: String, as type: String?) -> Any {
        switch type {
        case "integer":
            if let value = Int64(text) { return NSNumber(value: value) }
            // Digits beyond Int64: still a number, so `maximum`/`minimum` name the problem.
            if text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }), let value = Double(text) { return NSNumber(value: value) }
            return text
        case "number":
            return Double(text).map { NSNumber(value: $0) } ?? text
        case "boolean":
            switch text {
            case "true": return true
            case "false": return false
            default: return text
            }
        default:
            return text
        }
    }

    /// The JSON pointer of the first string or object key holding U+0000, if any.
    static func firstNUL(in value: Any, path: String) -> String? {
        switch value {
        case let text as String:
            return text.utf8.contains(0) ? path : nil
        case let array as [Any]:
            for (index, item) in array.enumerated() {
                if let found = firstNUL(in: item, path: "\(path)/\(index)") { return found }
            }
            return nil
        case let object as [String: Any]:
            for (key, item) in object {
                if key.utf8.contains(0) { return "\(path)/\(key)" }
                if let found = firstNUL(in: item, path: "\(path)/\(key)") { return found }
            }
            return nil
        default:
            return nil
        }
    }
}
