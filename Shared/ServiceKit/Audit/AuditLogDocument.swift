import Foundation

/// `GET /audit-log` as every service's OpenAPI document describes it: the runtime adds it to the
/// service's own document (`OpenAPIDocument.adding`), since the route is the runtime's too.
enum AuditLogDocument {
    static let path = "/audit-log"

    static var pathItem: [String: Any] {
        func query(_ name: String, _ description: String, _ schema: [String: Any]) -> [String: Any] {
            ["name": name, "in": "query", "required": false, "description": description, "schema": schema]
        }
        let text: [String: Any] = ["type": "string", "minLength": 1, "maxLength": 64]
        return ["get": [
            "operationId": "listAuditLog",
            "tags": ["audit"],
            "summary": "Read the audit log",
            "description": """
                Who read personal data or wrote, when, and whose data and which records it touched; for auditors. \
                Rows are those of officers whose token region lies within the auditor's; this read is audited too. \
                The chain of row hashes is checked by the service's `verify-audit` command.

                Problem codes:
                - 400: `person-ref.malformed`, `resident-id.*`, `request.invalid-from`, `request.invalid-to`, \
                `request.invalid-sub`, `request.invalid-after`, `request.invalid-limit`
                """,
            "parameters": [
                query("person", "A person ref (`pr_…`) or a resident ID: rows that touched this person.", text),
                query("sub", "Rows of this officer (the token's `sub`).", ["type": "string", "minLength": 1, "maxLength": 256]),
                query("from", "Rows written from this date (00:00 China Standard Time) or RFC 3339 instant.", text),
                query("to", "Rows written up to this date (inclusive) or before this RFC 3339 instant.", text),
                query("after", "Rows after this sequence number (the previous page's `next`).",
                      ["type": "integer", "format": "int64", "minimum": 0]),
                query("limit", "At most this many rows (default 500).", ["type": "integer", "minimum": 1, "maximum": 5_000]),
                ["$ref": "#/components/parameters/RequestID"],
            ],
            "responses": [
                "200": [
                    "description": "The rows, oldest first.",
                    "headers": ["X-Request-ID": ["$ref": "#/components/headers/RequestID"]],
                    "content": ["application/json": ["schema": ["$ref": "#/components/schemas/AuditLogPage"]]],
                ],
                "400": ["$ref": "#/components/responses/BadRequest"],
                "500": ["$ref": "#/components/responses/InternalError"],
                "503": ["$ref": "#/components/responses/ServiceUnavailable"],
            ],
        ] as [String: Any]]
    }

    static var schemas: [String: Any] {
        let strings: [String: Any] = ["type": "array", "items": ["type": "string"]]
        return [
            "AuditLogPage": [
                "type": "object", "required": ["items"], "additionalProperties": false,
                "properties": [
                    "items": ["type": "array", "items": ["$ref": "#/components/schemas/AuditRow"]],
                    "next": ["type": "integer", "format": "int64", "description": "The `after` of the next page; absent on the last."],
                ] as [String: Any],
            ] as [String: Any],
            "AuditRow": [
                "type": "object", "additionalProperties": false,
                "required": ["sequence", "at", "subject", "roles", "tokenRegion", "requestId", "method", "route", "status",
                             "personRefs", "recordIds", "hash"],
                "properties": [
                    "sequence": ["type": "integer", "format": "int64"],
                    "at": ["type": "string", "format": "date-time"],
                    "subject": ["type": "string"],
                    "roles": strings,
                    "tokenRegion": ["type": "string"],
                    "requestId": ["type": "string"],
                    "method": ["type": "string"],
                    "route": ["type": "string", "description": "The route template, e.g. `/cases/{id}`."],
                    "status": ["type": "integer"],
                    "personRefs": strings,
                    "recordIds": strings,
                    "hash": ["type": "string", "description": "SHA-256 (hex) chaining this row to the one before."],
                ] as [String: Any],
            ] as [String: Any],
        ]
    }
}

extension OpenAPIDocument {
    /// The document with the runtime's own operations added: `GET /audit-log` and its schemas.
    func addingRuntimeOperations() throws -> OpenAPIDocument {
        guard var root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              var paths = root["paths"] as? [String: Any]
        else { throw Malformed(description: "an OpenAPI document needs a `paths` object") }
        paths[AuditLogDocument.path] = AuditLogDocument.pathItem
        root["paths"] = paths
        var components = root["components"] as? [String: Any] ?? [:]
        var schemas = components["schemas"] as? [String: Any] ?? [:]
        schemas.merge(AuditLogDocument.schemas) { _, runtime in runtime }
        components["schemas"] = schemas
        root["components"] = components
        return try OpenAPIDocument(data: JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .withoutEscapingSlashes]))
    }
}
