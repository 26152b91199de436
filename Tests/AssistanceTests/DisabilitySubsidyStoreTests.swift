import AssistanceDomain
import Contracts
import Foundation
import Persistence
import Testing
import TestKit
import TestSupport
@testable import Assistance

/// Migration 11 and the disability subsidy amounts: set per county, subsidy and effective month,
/// read back as the schedule a grant is paid by.
@Suite("Disability subsidy amounts are stored per county, subsidy and effective month", .tags(.postgres))
struct DisabilitySubsidyStoreTests {
    static let logger = TestKafka.logger

    @Test func amountsAreSetOnceAndReadAsASchedule() async throws {
        try await TestDatabase.with("asst-disability-standards") { database in
            try await Migrator(client: database.client, logger: Self.logger).migrate([
                (PlatformMigrations.scope, PlatformMigrations.all), (Domain.assistance.rawValue, AssistanceMigrations.all),
            ])
            let jingtai = try RegionCode("620423")
            let day = try CivilDate(iso: "2023-06-20")
            let january = try DisabilitySubsidyStandard(region: jingtai, kind: .nursing, effectiveFrom: YearMonth(iso: "2023-01"),
                                                        monthlyAmount: Money(yuan: 100))
            let july = try DisabilitySubsidyStandard(region: jingtai, kind: .nursing, effectiveFrom: YearMonth(iso: "2023-07"),
                                                     monthlyAmount: Money(yuan: 110))
            let living = try DisabilitySubsidyStandard(region: jingtai, kind: .living, effectiveFrom: YearMonth(iso: "2023-01"),
                                                       monthlyAmount: Money(yuan: 80))
            let (first, second, repeated, other) = try await database.client.withConnection { connection in
                (try await DisabilitySubsidyStandardStore.set(january, on: day, on: connection, logger: Self.logger),
                 try await DisabilitySubsidyStandardStore.set(july, on: day, on: connection, logger: Self.logger),
                 try await DisabilitySubsidyStandardStore.set(july, on: day, on: connection, logger: Self.logger),
                 try await DisabilitySubsidyStandardStore.set(living, on: day, on: connection, logger: Self.logger))
            }
            #expect([first, second, repeated, other] == [true, true, false, true])
            let schedule = try await database.client.withConnection { connection in
                try await DisabilitySubsidyStandardStore.schedule(region: try RegionCode("620423100"), kind: .nursing,
                                                                  on: connection, logger: Self.logger)
            }
            #expect(schedule.standards.count == 2)
            #expect(schedule.amount(in: try YearMonth(iso: "2023-06")) == Money(yuan: 100))
            #expect(schedule.amount(in: try YearMonth(iso: "2023-07")) == Money(yuan: 110))
        }
    }
}
