import Access
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A test client that sends `Authorization: Bearer <token>` with every request that does not set
/// its own, so a service test reads like a caseworker's session; `anonymous` sends none.
public struct AuthorizingTestClient: TestClientProtocol {
    public let base: any TestClientProtocol
    public let bearer: String?

    public init(base: any TestClientProtocol, bearer: String?) {
        self.base = base
        self.bearer = bearer
    }

    /// The same server, without a token.
    public var anonymous: AuthorizingTestClient { AuthorizingTestClient(base: base, bearer: nil) }

    /// The same server, as an officer holding `roles` in `region`.
    public func acting(as roles: [Role], region: String = TestTokens.provinceRegion,
                       subject: String = "test-officer") async throws -> AuthorizingTestClient {
        AuthorizingTestClient(base: base, bearer: try await TestTokens.token(roles, region: region, subject: subject))
    }

    public func executeRequest(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var headers = headers
        if let bearer, headers[.authorization] == nil {
            headers[.authorization] = "Bearer \(bearer)"
        }
        return try await base.executeRequest(uri: uri, method: method, headers: headers, body: body)
    }

    public var port: Int? { base.port }
}

extension ApplicationProtocol {
    /// `test(.live)` with a client that sends a province administrator's token by default.
    public func liveTest<Value>(_ test: @Sendable (AuthorizingTestClient) async throws -> Value) async throws -> Value {
        let bearer = try await TestTokens.admin()
        return try await self.test(.live) { client in try await test(AuthorizingTestClient(base: client, bearer: bearer)) }
    }
}
