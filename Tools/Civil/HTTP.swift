import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The few HTTP calls `civil` makes: readiness probes and the demo scenario's requests.
struct HTTP {
    struct Reply {
        var status: Int
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        /// The body as a JSON object (empty when it is not one).
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    }

    /// A GET, with `Authorization: Bearer <bearer>` when a token is given (health and metrics need none).
    static func get(_ url: URL, bearer: String? = nil) async throws -> Reply {
        var request = URLRequest(url: url, timeoutInterval: 10)
        if let bearer { request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization") }
        return try await send(request)
    }

    static func post(_ url: URL, bearer: String?, json object: Any) async throws -> Reply {
        try await send("POST", url, bearer: bearer, json: object)
    }

    /// A PUT (a whole resource replaced: an institution's beds).
    static func put(_ url: URL, bearer: String?, json object: Any) async throws -> Reply {
        try await send("PUT", url, bearer: bearer, json: object)
    }

    private static func send(_ method: String, _ url: URL, bearer: String?, json object: Any) async throws -> Reply {
        var request = URLRequest(url: url, timeoutInterval: 30)
        request.httpMethod = method
        if let bearer { request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization") }
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("civil-demo-\(UUID().uuidString.prefix(8))", forHTTPHeaderField: "X-Request-ID")
        request.httpBody = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return try await send(request)
    }

    private static func send(_ request: URLRequest) async throws -> Reply {
        let (data, response) = try await URLSession.shared.data(for: request)
        return Reply(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
    }

    /// True once `GET url` answers 200 within `timeout`.
    static func waitUntilOK(_ url: URL, timeout: Duration, while alive: () -> Bool = { true }) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline, alive() {
            if let reply = try? await get(url), reply.status == 200 { return true }
            try? await Task.sleep(for: .milliseconds(500))
        }
        return false
    }
}
