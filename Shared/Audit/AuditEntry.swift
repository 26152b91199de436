/// One audited request, as the HTTP side hands it over: who acted (the token's `sub`, roles and
/// region), which request (its id, method and route template), how it ended, and whose data it
/// touched. `AuditLog.append` stores it; the database adds the sequence, time and hash chain.
public struct AuditEntry: Sendable, Equatable {
    /// The token's `sub`.
    public var subject: String
    /// The token's roles, as the token listed them.
    public var roles: [String]
    /// The token's `region` (a GB/T 2260 code): where the actor may act.
    public var tokenRegion: String
    public var requestID: String
    /// The HTTP method, e.g. `GET`.
    public var method: String
    /// The route template, e.g. `/cases/{id}` — never the concrete path, so ids do not leak into
    /// a column that is not meant to hold them (they belong in `recordIDs`).
    public var route: String
    /// The HTTP status of the response.
    public var status: Int
    /// The person refs whose data the response carried or the write changed.
    public var personRefs: [String]
    /// The ids of the records read or written.
    public var recordIDs: [String]

    public init(
        subject: String, roles: [String], tokenRegion: String, requestID: String, method: String, route: String,
        status: Int, personRefs: [String], recordIDs: [String]
    ) {
        self.subject = subject
        self.roles = roles
        self.tokenRegion = tokenRegion
        self.requestID = requestID
        self.method = method
        self.route = route
        self.status = status
        self.personRefs = personRefs
        self.recordIDs = recordIDs
    }
}
