import AssistanceDomain
import Contracts
import Foundation
import Hummingbird
import ServiceKit

/// How the `/…/{id}` routes find the region of the stored record they act on (`RoutePolicy`
/// region `.record`), before their handler runs. Each is one primary-key read; nil when the record
/// does not exist, so the handler's 404 stands.
enum RecordRegions {
    /// An application lies in two regions: the township that took it (一门受理: any township takes
    /// any application, so possibly one of another county) and the county its household's residence
    /// makes responsible. An officer of either may act on it; the region returned is the one the
    /// token covers, or the county when it covers neither (and the request is refused).
    static func application(_ dependencies: ServiceDependencies) -> RecordRegionResolver {
        { _, context in
            let id = try context.parameters.require("id", as: UUID.self)
            guard let regions = try await ApplicationStore.regions(of: id, in: dependencies.database, logger: context.logger) else {
                return nil
            }
            return try context.requirePrincipal().region.contains(regions.intake) ? regions.intake : regions.county
        }
    }

    /// The decision on an application (approval, rejection) is the approving authority's: the
    /// handling county's, or where approval is devolved (审核确认权限下放) the township's that took
    /// it, so a township approver cannot decide what the county decides.
    static func applicationDecision(_ dependencies: ServiceDependencies, by authority: ApprovalAuthority) -> RecordRegionResolver {
        { _, context in
            let id = try context.parameters.require("id", as: UUID.self)
            let regions = try await ApplicationStore.regions(of: id, in: dependencies.database, logger: context.logger)
            return switch authority {
            case .county: regions?.county
            case .township: regions?.intake
            }
        }
    }

    /// A disability subsidy application: the township that took it (its steps there) or the county
    /// that decides it, as ``application(_:)``.
    static func disabilitySubsidyApplication(_ dependencies: ServiceDependencies) -> RecordRegionResolver {
        { _, context in
            let id = try context.parameters.require("id", as: UUID.self)
            guard let regions = try await DisabilitySubsidyApplicationStore.regions(of: id, in: dependencies.database,
                                                                                  logger: context.logger) else { return nil }
            return try context.requirePrincipal().region.contains(regions.intake) ? regions.intake : regions.county
        }
    }

    /// The county decides a disability subsidy application (县级审定; never devolved to townships).
    static func disabilitySubsidyDecision(_ dependencies: ServiceDependencies) -> RecordRegionResolver {
        { _, context in
            let id = try context.parameters.require("id", as: UUID.self)
            return try await DisabilitySubsidyApplicationStore.regions(of: id, in: dependencies.database, logger: context.logger)?.county
        }
    }

    /// A case follows its household's current county (`CaseStore.region(of:)`).
    static func benefitCase(_ dependencies: ServiceDependencies) -> RecordRegionResolver {
        { _, context in
            try await CaseStore.region(of: try context.parameters.require("id", as: UUID.self), in: dependencies.database,
                                       logger: context.logger)
        }
    }

    /// A temporary-assistance case is the reporting township's.
    static func temporaryCase(_ dependencies: ServiceDependencies) -> RecordRegionResolver {
        { _, context in
            try await TemporaryCaseStore.region(of: try context.parameters.require("id", as: UUID.self), in: dependencies.database,
                                                logger: context.logger)
        }
    }

    /// A household lead follows its household's current county; an outreach lead keeps its region.
    static func lead(_ dependencies: ServiceDependencies) -> RecordRegionResolver {
        { _, context in
            try await RiskLeadStore.region(of: try context.parameters.require("id", as: UUID.self), in: dependencies.database,
                                           logger: context.logger)
        }
    }
}
