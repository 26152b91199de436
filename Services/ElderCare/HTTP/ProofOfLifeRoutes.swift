import Contracts
import Foundation
import Hummingbird
import ServiceKit

/// `POST /elders/{personRef}/proof-of-life`: a caseworker or visitor records a proof of life
/// (高龄津贴验证) for a registered older person.
enum ProofOfLifeRoutes {
    struct ProofRequest: Decodable, Sendable {
        /// `YYYY-MM-DD`; today when left out.
        var madeOn: String?
    }

    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies, settings: AllowanceSettings, clock: ServiceClock) {
        // The elder's register region decides who may record it.
        routes.post("/elders/:personRef/proof-of-life", RoutePolicy(roles: [.caseworker, .visitor], region: .record),
                    regionOf: RecordRegions.elder(dependencies)) { request, context -> EditedResponse<RecordProofOfLife.Result> in
            let person = try RequestParsing.personRef(try context.parameters.require("personRef"), field: "personRef")
            let body = try await request.decode(as: ProofRequest.self, context: context, orIfEmpty: ProofRequest(madeOn: nil))
            let today = clock.today()
            let madeOn = try body.madeOn.map { text throws(RuleViolation) in try RequestParsing.date(text, field: "madeOn") } ?? today
            let result = try await RecordProofOfLife.run(person: person, madeOn: madeOn, recordedBy: try context.requirePrincipal().subject,
                                                         today: today, settings: settings, dependencies: dependencies, logger: context.logger)
            return EditedResponse(status: .created, response: result)
        }
    }
}

extension RecordProofOfLife.Result: ResponseEncodable {}
