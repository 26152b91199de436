import HTTPTypes
import Hummingbird
import Logging

/// Carries a caller's `X-Request-ID` into the logs (or keeps Hummingbird's own id)
/// and echoes it on the response, so a request can be followed across services.
public struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let incoming = request.headers[.requestID].flatMap { $0.count <= 128 ? $0 : nil }
        if let incoming {
            context.logger[metadataKey: "hb.request.id"] = .string(incoming)
        }
        context.logger[metadataKey: "http.path"] = .string(request.uri.path)
        var response = try await next(request, context)
        response.headers[.requestID] = incoming ?? context.id
        return response
    }
}

extension HTTPField.Name {
    public static let requestID = Self("X-Request-ID")!
}
