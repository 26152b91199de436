import Contracts
import Foundation
import Roster

/// What a roster request answers (`POST /rosters`, `/disability-subsidy-rosters`,
/// `/allowance-rosters`): one ``RosterRun`` as the services' OpenAPI documents show it.
///
/// The documents agree on every field but the count of payments: 低保 counts `households`, the
/// subsidies and the allowance count `paid` (``PaymentsField``), in the summary and in each
/// program's total alike.
public struct RosterSummary: Sendable, Encodable {
    /// How the service's API names the count of payments.
    public enum PaymentsField: String, Sendable {
        /// `POST /rosters` of 低保/特困: one payment per case, so per household.
        case households
        /// The rosters paying one person each (two subsidies, advanced-age allowance).
        case paid
    }

    /// Nil when a re-run paid nobody new and left no roster (`rosterId` is then absent).
    public var rosterID: UUID?
    public var region: RegionCode
    public var month: YearMonth
    public var payments: Int
    public var total: Money
    /// Beneficiaries of the region not paid this time.
    public var skipped: Int
    /// Per program; nil leaves `programs` out, for an API that documents none.
    public var programs: [PaymentRoster.ProgramTotal]?
    /// Rosters already generated for this region and month, oldest first.
    public var earlierRosters: [UUID]
    public var paymentsField: PaymentsField

    public init(_ run: RosterRun, paymentsField: PaymentsField) {
        rosterID = run.rosterID
        region = run.region
        month = run.month
        payments = run.payments
        total = run.total
        skipped = run.skipped
        programs = run.programs
        earlierRosters = run.earlierRosters
        self.paymentsField = paymentsField
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(rosterID, forKey: "rosterId")
        try container.encode(region.rawValue, forKey: "region")
        try container.encode(month.iso, forKey: "month")
        try container.encode(payments, forKey: Key(paymentsField.rawValue))
        try container.encode(total.fen, forKey: "totalFen")
        try container.encode(skipped, forKey: "skipped")
        if let programs {
            var list = container.nestedUnkeyedContainer(forKey: "programs")
            for program in programs {
                var item = list.nestedContainer(keyedBy: Key.self)
                try item.encode(program.program, forKey: "program")
                try item.encode(program.payments, forKey: Key(paymentsField.rawValue))
                try item.encode(program.total.fen, forKey: "totalFen")
            }
        }
        try container.encode(earlierRosters, forKey: "earlierRosters")
    }

    /// A field name: the payments' differs by service, so the keys cannot be a fixed enum.
    struct Key: CodingKey, ExpressibleByStringLiteral {
        var stringValue: String
        var intValue: Int? { nil }

        init(_ name: String) { stringValue = name }
        init(stringLiteral name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
