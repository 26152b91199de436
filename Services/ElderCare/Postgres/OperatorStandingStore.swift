import Contracts
import ElderCareDomain
import Foundation
import Logging
import PostgresNIO

/// What SocialOrg told ElderCare about operators: registrations (`socialorg_registrations`) and
/// serious-dishonesty listings (`dishonesty_listings`). Each write is idempotent and independent
/// of the order the events arrive in.
enum OperatorStandingStore {
    /// The operator's standing on `today`. A listing is in force from its day until it is removed
    /// or its term ends (`expires_on`, the first day off the list). Registration counts only when
    /// `requiringRegistration`; otherwise every social organisation counts as registered (see
    /// `ElderCarePolicy.requireSocialOrgRegistration`).
    static func standing(of code: CreditCode, today: CivilDate, requiringRegistration: Bool, on connection: PostgresConnection,
                         logger: Logger) async throws -> OperatorStanding {
        let rows = try await connection.query("""
            SELECT
                EXISTS (SELECT 1 FROM socialorg_registrations WHERE credit_code = \(code.rawValue)
                        AND registered_on IS NOT NULL AND deregistered_on IS NULL),
                EXISTS (SELECT 1 FROM dishonesty_listings WHERE credit_code = \(code.rawValue) AND listed_on IS NOT NULL
                        AND listed_on <= \(today.iso)::date AND delisted_on IS NULL
                        AND (expires_on IS NULL OR expires_on > \(today.iso)::date))
            """, logger: logger)
        for try await (registered, listed) in rows.decode((Bool, Bool).self) {
            return OperatorStanding(registeredWithSocialOrg: requiringRegistration ? registered : true, seriouslyDishonest: listed)
        }
        return OperatorStanding(registeredWithSocialOrg: !requiringRegistration)
    }

    /// Records a listing; a listing already removed (its removal arrived first) stays removed.
    static func list(_ event: SeriousDishonestyListed, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO dishonesty_listings (listing_id, credit_code, listed_on, expires_on)
            VALUES (\(event.listingID), \(event.creditCode.rawValue), \(event.listedOn.iso)::date, \(event.expiresOn?.iso)::date)
            ON CONFLICT (listing_id) DO UPDATE SET listed_on = excluded.listed_on, expires_on = excluded.expires_on
            """, logger: logger)
    }

    /// Ends a listing (recorded even before the listing itself arrives).
    static func delist(_ event: SeriousDishonestyDelisted, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO dishonesty_listings (listing_id, credit_code, delisted_on)
            VALUES (\(event.listingID), \(event.creditCode.rawValue), \(event.delistedOn.iso)::date)
            ON CONFLICT (listing_id) DO UPDATE SET delisted_on = coalesce(dishonesty_listings.delisted_on, excluded.delisted_on)
            """, logger: logger)
    }

    static func register(_ event: OrganisationRegistered, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO socialorg_registrations (credit_code, registered_on) VALUES (\(event.creditCode.rawValue), \(event.registeredOn.iso)::date)
            ON CONFLICT (credit_code) DO UPDATE SET registered_on = excluded.registered_on,
                deregistered_on = CASE WHEN socialorg_registrations.deregistered_on < excluded.registered_on THEN NULL
                                       ELSE socialorg_registrations.deregistered_on END
            """, logger: logger)
    }

    static func deregister(_ event: OrganisationDeregistered, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO socialorg_registrations (credit_code, deregistered_on)
            VALUES (\(event.creditCode.rawValue), \(event.deregisteredOn.iso)::date)
            ON CONFLICT (credit_code) DO UPDATE SET deregistered_on = excluded.deregistered_on
            """, logger: logger)
    }
}
