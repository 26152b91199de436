import Contracts
import Logging
import RegistryDomain

/// Transaction-scoped advisory locks: they serialise what no single row protects yet (a person
/// about to marry or adopt, the bookings of one office day) and are released at commit.
struct AdvisoryLocks: RegistryStore {
    let session: StoreSession
    let logger: Logger

    /// Locks each person in the given order, present in the tables or not.
    func lock(people: [PersonRef]) async throws {
        for person in people { try await lock(key: person.rawValue) }
    }

    /// Locks the bookings of one office on one day.
    func lock(office: RegistrationOfficeCode, date: CivilDate) async throws {
        try await lock(key: office.rawValue + "@" + date.iso)
    }

    private func lock(key: String) async throws {
        try await query("SELECT pg_advisory_xact_lock(hashtext(\(key))::bigint)")
    }
}
