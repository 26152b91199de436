import Crypto
import Foundation

/// One versioned schema change. Statements run in order inside one transaction.
///
/// Versions are counted per scope. A service's own migrations have no scope of their own:
/// they count in the scope they are applied under (the service's). A schema that several
/// services share (a library's tables, such as the life-event journal) names its scope, so its
/// versions never collide with those of the services that include it.
///
/// Statements are kept apart (rather than one script) because PostgreSQL's
/// extended protocol, which postgres-nio uses, runs one statement per query.
public struct Migration: Sendable {
    /// The shared schema this migration belongs to, or nil for the scope it is applied under.
    public let scope: String?
    public let version: Int
    public let name: String
    public let statements: [String]

    /// A migration of the schema it is applied with: a service's own.
    public init(version: Int, name: String, statements: [String]) {
        self.scope = nil
        self.version = version
        self.name = name
        self.statements = statements
    }

    /// A migration of a shared schema, counted in `scope` wherever it is applied.
    public init(scope: String, version: Int, name: String, statements: [String]) {
        self.scope = scope
        self.version = version
        self.name = name
        self.statements = statements
    }

    /// SHA-256 of the statements; an applied migration whose text changed is refused.
    public var checksum: String {
        let digest = SHA256.hash(data: Data(statements.joined(separator: "\n;\n").utf8))
        return digest.map { String(format: "%02x", $0) }.joined()
    }
}

public enum MigrationError: Error, Equatable, CustomStringConvertible {
    case checksumMismatch(scope: String, version: Int, name: String, recorded: String, current: String)
    case duplicateVersion(scope: String, version: Int)
    case unknownAppliedVersion(scope: String, version: Int)

    public var description: String {
        switch self {
        case .checksumMismatch(let scope, let version, let name, let recorded, let current):
            "migration \(scope)/\(version) \(name) was changed after it was applied "
                + "(recorded checksum \(recorded.prefix(12))…, now \(current.prefix(12))…). "
                + "Applied migrations are immutable: revert the edit and add a new migration instead."
        case .duplicateVersion(let scope, let version):
            "migration \(scope)/\(version) is defined twice"
        case .unknownAppliedVersion(let scope, let version):
            "the database has migration \(scope)/\(version) applied, which this build does not know: "
                + "is an older build running against a newer database?"
        }
    }
}
