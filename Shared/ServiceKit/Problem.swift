import Contracts
import Foundation
import Hummingbird
import Persistence
import NIOCore

/// An RFC 9457 problem document with a stable machine-readable `code`.
///
/// The runtime's own: services throw domain errors (`RuleViolation`) and nothing else, and
/// `ProblemMiddleware` turns every error into `application/problem+json`, so clients never get an
/// HTML or empty error body and a refusal is written one way.
struct Problem: Error, HTTPResponseError, Sendable, Equatable {
    var status: HTTPResponse.Status
    /// Stable across releases, e.g. `resident-id.bad-check-digit`. Clients branch on it.
    var code: String
    var title: String
    var detail: String?

    init(status: HTTPResponse.Status, code: String, title: String, detail: String? = nil) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
    }

    static func badRequest(_ code: String, _ detail: String) -> Problem {
        Problem(status: .badRequest, code: code, title: "Invalid request", detail: detail)
    }

    static func unprocessable(_ code: String, _ detail: String) -> Problem {
        Problem(status: .unprocessableContent, code: code, title: "Rule violated", detail: detail)
    }

    static func notFound(_ code: String, _ detail: String) -> Problem {
        Problem(status: .notFound, code: code, title: "Not found", detail: detail)
    }

    static func conflict(_ code: String, _ detail: String) -> Problem {
        Problem(status: .conflict, code: code, title: "Conflict", detail: detail)
    }

    struct Document: Codable {
        var type: String
        var title: String
        var status: Int
        var code: String
        var detail: String?
        var instance: String?
        var requestId: String?
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try response(instance: request.uri.path, requestID: nil, allocator: ByteBufferAllocator())
    }

    func response(instance: String?, requestID: String?, allocator: ByteBufferAllocator) throws -> Response {
        let document = Document(
            type: "urn:civil:problem:\(code)", title: title, status: Int(status.code), code: code,
            detail: detail, instance: instance, requestId: requestID)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = try encoder.encode(document)
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if status == .unauthorized {
            // RFC 6750: a 401 names the scheme the client must use.
            headers[.wwwAuthenticate] = "Bearer"
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: allocator.buffer(bytes: body)))
    }
}

/// Converts any error escaping a route into `application/problem+json`.
public struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Self.problem(for: error)
            if problem.status.code >= 500 {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            return try problem.response(instance: request.uri.path, requestID: context.id, allocator: ByteBufferAllocator())
        }
    }

    static func problem(for error: any Error) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let violation as RuleViolation:
            switch violation.kind {
            case .invalidInput: return .badRequest(violation.code, violation.detail)
            case .ruleViolated: return .unprocessable(violation.code, violation.detail)
            case .notFound: return .notFound(violation.code, violation.detail)
            case .conflict: return .conflict(violation.code, violation.detail)
            case .unavailable:
                return Problem(status: .serviceUnavailable, code: violation.code, title: "Service Unavailable", detail: violation.detail)
            case .unauthenticated:
                return Problem(status: .unauthorized, code: violation.code, title: "Unauthorized", detail: violation.detail)
            case .forbidden:
                return Problem(status: .forbidden, code: violation.code, title: "Forbidden", detail: violation.detail)
            }
        case let decoding as DecodingError:
            return .badRequest("request.invalid-body", describe(decoding))
        case let http as HTTPError:
            // Hummingbird reports undecodable bodies and unknown routes this way.
            switch http.status {
            case .badRequest: return .badRequest("request.invalid-body", http.body ?? "the request body is not valid JSON for this route")
            case .notFound: return .notFound("route.not-found", "no such route")
            default: return Problem(status: http.status, code: "http.\(http.status.code)", title: http.status.reasonPhrase, detail: http.body)
            }
        case let http as any HTTPResponseError:
            let status = http.status
            return Problem(status: status, code: "http.\(status.code)", title: status.reasonPhrase)
        case _ where !(error is CancellationError) && InboxErrorClassification.classify(error).isTransient:
            // Connection lost or refused, server shutting down, serialization conflict: nothing was
            // written, and the same request will succeed once the database is back.
            return Problem(status: .serviceUnavailable, code: "database.unavailable", title: "Service Unavailable",
                           detail: "The database cannot be reached right now; nothing was written. Try again shortly.")
        default:
            return Problem(status: .internalServerError, code: "internal", title: "Internal error",
                           detail: "The request could not be completed; it has been logged.")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "body" : keys.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)): missing field \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "invalid body"
        }
    }
}
