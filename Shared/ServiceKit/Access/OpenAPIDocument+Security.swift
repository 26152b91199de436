import Access
import Foundation

extension OpenAPIDocument {
    /// The name of the bearer scheme in `components.securitySchemes`.
    public static let bearerScheme = "bearerJWT"

    /// The document with each operation's access policy written in: `security` (bearer JWT),
    /// `x-roles` (the roles admitted, `admin` included), `x-region` (where the record's region is
    /// found) and the 401 and 403 responses.
    ///
    /// Written from the `RouteTable` when the service starts rather than by hand, so what the
    /// document says about access is what the routes enforce. Operations without a policy (none
    /// once start-up checks passed) are marked open (`security: []`).
    public func secured(by policies: [String: RoutePolicy]) throws -> OpenAPIDocument {
        guard var root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let paths = root["paths"] as? [String: Any]
        else { throw Malformed(description: "an OpenAPI document needs a `paths` object") }
        var securedPaths: [String: Any] = [:]
        for (path, value) in paths {
            guard var item = value as? [String: Any] else { securedPaths[path] = value; continue }
            for (method, operationValue) in item where Self.methods.contains(method) {
                guard var operation = operationValue as? [String: Any] else { continue }
                if let policy = policies["\(method.uppercased()) \(path)"] {
                    operation["security"] = [[Self.bearerScheme: [String]()]]
                    operation["x-roles"] = policy.admitted.sorted().map(\.rawValue)
                    operation["x-region"] = policy.region.documented
                    if policy.personalData || method != "get" { operation["x-audited"] = true }
                    var responses = operation["responses"] as? [String: Any] ?? [:]
                    responses["401"] = ["$ref": "#/components/responses/Unauthorized"]
                    responses["403"] = ["$ref": "#/components/responses/Forbidden"]
                    operation["responses"] = responses
                } else {
                    operation["security"] = [[String: [String]]]()
                }
                item[method] = operation
            }
            securedPaths[path] = item
        }
        root["paths"] = securedPaths
        var components = root["components"] as? [String: Any] ?? [:]
        var schemes = components["securitySchemes"] as? [String: Any] ?? [:]
        schemes[Self.bearerScheme] = [
            "type": "http", "scheme": "bearer", "bearerFormat": "JWT",
            "description": "A JWT (ES256, RS256 or EdDSA) from the bureau's identity provider with `iss`, `aud`, `exp`, `sub`, "
                + "`roles` (see each operation's `x-roles`) and `region` (a GB/T 2260 city, county or township code; "
                + "records outside it are refused with 403 `auth.outside-region`).",
        ]
        components["securitySchemes"] = schemes
        var responses = components["responses"] as? [String: Any] ?? [:]
        responses["Unauthorized"] = Self.problemResponse(
            "No valid bearer token (401): `auth.token-missing`, `auth.token-malformed`, `auth.token-expired`, "
                + "`auth.token-not-yet-valid`, `auth.bad-signature`, `auth.wrong-issuer`, `auth.wrong-audience`, `auth.unknown-key`.",
            extraHeaders: ["WWW-Authenticate": ["description": "`Bearer`", "schema": ["type": "string"]]])
        responses["Forbidden"] = Self.problemResponse(
            "The token may not do this here (403): `auth.role-not-allowed`, `auth.outside-region`.")
        components["responses"] = responses
        root["components"] = components
        return try OpenAPIDocument(data: JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .withoutEscapingSlashes]))
    }

    private static func problemResponse(_ description: String, extraHeaders: [String: Any] = [:]) -> [String: Any] {
        var headers: [String: Any] = ["X-Request-ID": ["$ref": "#/components/headers/RequestID"]]
        headers.merge(extraHeaders) { _, new in new }
        return [
            "description": description,
            "headers": headers,
            "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]],
        ]
    }
}

extension RoutePolicy.RegionSource {
    /// How the served document names the source: `none`, `token`, `query:region`, `path:township`,
    /// `body:region`, `record`.
    var documented: String {
        switch self {
        case .none: "none"
        case .fromToken: "token"
        case .query(let name): "query:\(name)"
        case .path(let name): "path:\(name)"
        case .body(let name): "body:\(name)"
        case .record: "record"
        }
    }
}
