/// The paths every service answers without a token: health for the orchestrator, metrics for
/// Prometheus, the OpenAPI document for integrators. Everything else needs a bearer token.
public struct OpenPaths: Sendable {
    public let prefixes: [String]

    public init(prefixes: [String]) {
        self.prefixes = prefixes
    }

    public static let standard = OpenPaths(prefixes: ["/health/", "/metrics", "/openapi.json"])

    /// `/metrics` and `/health/live` are open; `/metricsx` is not.
    public func contains(_ path: String) -> Bool {
        prefixes.contains { prefix in
            let folder = prefix.hasSuffix("/") ? prefix : prefix + "/"
            return path == prefix || path == String(folder.dropLast()) || path.hasPrefix(folder)
        }
    }
}
