import Foundation
import HummingbirdTesting
import NIOCore

/// JSON requests and problem documents in the services' HTTP tests.
extension TestClientProtocol {
    public func post(_ uri: String, json: String) async throws -> TestResponse {
        try await execute(uri: uri, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: json))
    }

    public func put(_ uri: String, json: String) async throws -> TestResponse {
        try await execute(uri: uri, method: .put, headers: [.contentType: "application/json"], body: ByteBuffer(string: json))
    }

    public func get(_ uri: String) async throws -> TestResponse {
        try await execute(uri: uri, method: .get)
    }
}

extension TestResponse {
    public var text: String { String(buffer: body) }

    public func json() throws -> [String: Any] {
        (try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
    }

    /// The stable problem code of a refusal.
    public var problemCode: String? { (try? json())?["code"] as? String }
}

/// A harness failure with the full story (PSQLError hides its details from `description`).
public struct HarnessError: Error, CustomStringConvertible {
    public let underlying: String
    public init(underlying: String) { self.underlying = underlying }
    public var description: String { underlying }
}
