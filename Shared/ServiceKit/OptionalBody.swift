import Hummingbird

extension Request {
    /// Decodes the JSON body, or returns `empty` when the request has no body at all: for
    /// commands whose fields are all optional (`POST …/verification` with or without `{"on": …}`).
    /// A body that is present but malformed is still refused.
    public func decode<T: Decodable>(as type: T.Type, context: some RequestContext, orIfEmpty empty: T) async throws -> T {
        var request = self
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { return empty }
        return try await request.decode(as: type, context: context)
    }
}
