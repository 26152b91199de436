import Contracts
import Foundation

/// Whose data an audited request touched and which records: found in the request's path and
/// query values and in the JSON of its body and of the response, so no route has to list them.
///
/// - A person is any value that is a person ref (`pr_…`) or a valid resident ID; a resident ID is
///   stored as its person ref, so the audit log itself holds no resident IDs.
/// - A record is any UUID-valued field named `id` or ending in `Id`/`Ids`, any UUID in the path or
///   query, and any other path value (a certificate number, an office code).
public struct AuditTouches: Sendable, Equatable {
    public private(set) var personRefs: Set<String> = []
    public private(set) var recordIDs: Set<String> = []
    let key: PersonRefKey

    public init(key: PersonRefKey) {
        self.key = key
    }

    public static func == (lhs: AuditTouches, rhs: AuditTouches) -> Bool {
        lhs.personRefs == rhs.personRefs && lhs.recordIDs == rhs.recordIDs
    }

    /// A path parameter's value: a person, else a record (whatever its form).
    public mutating func addPathValue(_ value: String) {
        guard !addPerson(value) else { return }
        recordIDs.insert(UUID(uuidString: value).map { $0.uuidString.lowercased() } ?? value)
    }

    /// A query parameter's value: a person, or a record when it is a UUID.
    public mutating func addQueryValue(_ value: String) {
        if !addPerson(value), let id = UUID(uuidString: value) { recordIDs.insert(id.uuidString.lowercased()) }
    }

    /// A JSON document (request or response body); anything that is not JSON is skipped.
    public mutating func addJSON(_ data: Data) {
        guard !data.isEmpty, let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return }
        walk(object, key: nil)
    }

    private mutating func walk(_ value: Any, key name: String?) {
        switch value {
        case let object as [String: Any]:
            for (childName, child) in object { walk(child, key: childName) }
        case let array as [Any]:
            for element in array { walk(element, key: name) }
        case let text as String:
            if addPerson(text) { return }
            if let name, Self.namesARecord(name), let id = UUID(uuidString: text) {
                recordIDs.insert(id.uuidString.lowercased())
            }
        default:
            break
        }
    }

    /// Adds `value` as a person when it is one; says whether it was.
    private mutating func addPerson(_ value: String) -> Bool {
        if value.hasPrefix("pr_"), let ref = try? PersonRef(rawValue: value) {
            personRefs.insert(ref.rawValue)
            return true
        }
        if value.utf8.count == 18, let id = try? ResidentID(value) {
            personRefs.insert(PersonRef.derive(from: id, key: key).rawValue)
            return true
        }
        return false
    }

    static func namesARecord(_ name: String) -> Bool {
        name == "id" || name.hasSuffix("Id") || name.hasSuffix("Ids") || name.hasSuffix("ID")
    }
}
