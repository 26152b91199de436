import Audit
import Contracts
import Foundation
import Hummingbird
import Logging
import Metrics
import PostgresNIO

/// Writes one audit row for every write and every read of personal data that passed access
/// control: who (the token's `sub`, roles, region), which request (id, method, route template),
/// how it ended (status) and whose data and which records it touched (`AuditTouches`). A refusal
/// (401, 403) writes none: nothing was read or written.
///
/// The row is written after the route answered, before the answer leaves. If it cannot be
/// written, a read is refused (503 `audit.unavailable`: personal data is never released without
/// its audit row); a write that already committed keeps its answer, and the failure is logged
/// and counted (`civil_audit_failures_total`) for the operators to act on.
public struct AuditMiddleware: RouterMiddleware {
    public typealias Context = ServiceRequestContext
    public static let unavailableCode = "audit.unavailable"

    let table: RouteTable
    let database: PostgresClient
    let key: PersonRefKey
    let failures = Counter(label: "civil_audit_failures_total")

    public init(table: RouteTable, database: PostgresClient, key: PersonRefKey) {
        self.table = table
        self.database = database
        self.key = key
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let endpoint = context.endpointPath, let entry = table.entry(method: request.method, endpoint: endpoint),
              let principal = context.principal
        else { return try await next(request, context) }
        let isRead = request.method == .get || request.method == .head
        guard !isRead || entry.policy.personalData else { return try await next(request, context) }

        var request = request
        let requestBody = isRead ? nil : try await request.collectBody(upTo: context.maxUploadSize)
        var touches = AuditTouches(key: key)
        for (_, value) in context.parameters { touches.addPathValue(String(value)) }
        for (_, value) in request.uri.queryParameters { touches.addQueryValue(String(value)) }
        if let requestBody { touches.addJSON(Data(buffer: requestBody)) }

        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let status = Int(ProblemMiddleware<Context>.problem(for: error).status.code)
            if !Self.isRefusal(status) {
                // A refused write wrote nothing, but the attempt is still the officer's act.
                try? await append(principal: principal, request: request, context: context, endpoint: endpoint,
                                  status: status, touches: touches)
            }
            throw error
        }
        let status = Int(response.status.code)
        guard !Self.isRefusal(status) else { return response }
        if (200..<300).contains(status) {
            touches.addJSON(Data(buffer: try await ResponseBodyCollector.collect(&response)))
        }
        do {
            try await append(principal: principal, request: request, context: context, endpoint: endpoint, status: status,
                             touches: touches)
        } catch {
            failures.increment()
            context.logger.critical("audit row not written", metadata: [
                "audit.route": .string("\(request.method) \(endpoint)"), "error": .string(String(reflecting: error)),
            ])
            if isRead {
                throw RuleViolation(Self.unavailableCode, "the audit log cannot be written, so personal data is not released; try again",
                                    kind: .unavailable)
            }
        }
        return response
    }

    static func isRefusal(_ status: Int) -> Bool { status == 401 || status == 403 }

    private func append(principal: Principal, request: Request, context: Context, endpoint: String, status: Int,
                        touches: AuditTouches) async throws {
        let requestID = request.headers[.requestID].flatMap { $0.count <= 128 ? $0 : nil } ?? context.id
        try await AuditLog.append(AuditEntry(
            subject: principal.subject, roles: principal.roles.sorted().map(\.rawValue), tokenRegion: principal.region.rawValue,
            requestID: requestID, method: request.method.rawValue, route: OpenAPIDocument.path(ofRoute: endpoint), status: status,
            personRefs: touches.personRefs.sorted(), recordIDs: touches.recordIDs.sorted()), client: database, logger: context.logger)
    }
}
