import Contracts
import Foundation
import Hummingbird
import RegistryDomain
import ServiceKit

/// The region of the stored record a `.record` route names, for `RegionScopeMiddleware` to
/// compare with the token's before the handler runs; nil when there is no such record, so the
/// handler's 404 stands.
///
/// Where a Registry record lies: a death in its recorded `region` (its funeral services and
/// subsidy follow it); a marriage, an adoption and an appointment at the office that registered
/// or booked it (`620423-01` lies in `620423`); a divorce application and a certificate follow
/// their marriage (or adoption).
///
/// 全市通办 (the seeds: "handled at any office citywide, regardless of the hukou district") is
/// about the parties' hukou, which the Registry never compares with the office: a new
/// registration is scoped by the office in its body — the registrar's own — whoever the parties
/// are, and the two look-ups another office needs before registering (`GET /marital-status`,
/// `GET /certificates/{number}`) are city-wide. Acts on an existing record (a divorce, a
/// reissue, a dissolution, a correction) stay with the office that holds it, or a city-level
/// token, because the Registry issues their certificates in that office's number series
/// (`ReissueCertificate`, `RegisterDivorce`): a registrar of a sibling county would be issuing
/// numbers of an office her bureau does not run. Doing them at any office of the city would
/// need the acting office in the request and its own series — a change of the API, not of
/// the policy.
enum RecordRegions {
    /// `/marriages/{id}…`: the marriage's office.
    static func marriage(_ dependencies: ServiceDependencies) -> RecordRegionResolver {
        { _, context in
            try await MarriageStore(dependencies.database, logger: context.logger)
                .region(of: try context.parameters.require("id", as: UUID.self))
        }
    }

    /// `/divorce-applications/{id}…`: the office of the marriage it ends.
    static func divorceApplication(_ dependencies: ServiceDependencies) -> RecordRegionResolver {
        { _, context in
            try await DivorceApplicationStore(dependencies.database, logger: context.logger)
                .region(of: try context.parameters.require("id", as: UUID.self))
        }
    }

    /// `/adoptions/{id}…`: the adoption's office.
    static func adoption(_ dependencies: ServiceDependencies) -> RecordRegionResolver {
        { _, context in
            try await AdoptionStore(dependencies.database, logger: context.logger)
                .region(of: try context.parameters.require("id", as: UUID.self))
        }
    }

    /// `/appointments/{id}`: the office it is booked at.
    static func appointment(_ dependencies: ServiceDependencies) -> RecordRegionResolver {
        { _, context in
            try await AppointmentStore(dependencies.database, logger: context.logger)
                .region(of: try context.parameters.require("id", as: UUID.self))
        }
    }

    /// `/deaths/{id}…`: the death's recorded region.
    static func death(_ dependencies: ServiceDependencies) -> RecordRegionResolver {
        { _, context in
            try await DeathRecordStore(dependencies.database, logger: context.logger)
                .region(of: try context.parameters.require("id", as: UUID.self))
        }
    }

    /// `/certificates/{number}…`: the office of the certificate's marriage or adoption.
    static func certificate(_ dependencies: ServiceDependencies) -> RecordRegionResolver {
        { _, context in
            try await CertificateStore(dependencies.database, logger: context.logger)
                .region(of: try CertificateNumber(parsing: try context.parameters.require("number")))
        }
    }
}
