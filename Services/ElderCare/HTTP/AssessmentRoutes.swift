import Contracts
import ElderCareDomain
import Foundation
import Hummingbird
import ServiceKit

/// Capability assessment (能力评估) over HTTP: an assessor records one; caseworkers, assessors and
/// auditors read a person's.
enum AssessmentRoutes {
    struct AssessmentRequest: Decodable, Sendable {
        var residentId: String
        /// The county or township where the person was assessed.
        var region: String
        var assessedOn: String
        /// Every one of the 26 items by table number (`B.1.1` … `B.4.5`).
        var items: [String: Int]
        /// 昏迷: rated at least 重度失能; needs B.3.9 scored 0.
        var comatose: Bool?
    }

    struct AssessmentView: ResponseEncodable {
        struct DomainScore: Encodable, Sendable {
            var domain: String
            var score: Int
            var maximum: Int
        }

        var assessmentId: UUID
        var personRef: String
        var region: String
        var assessedOn: String
        var items: [String: Int]
        var domains: [DomainScore]
        var comatose: Bool
        var total: Int
        var level: String
        var assessor: String

        init(_ stored: StoredAssessment) {
            let assessment = stored.assessment
            assessmentId = stored.id
            personRef = stored.person.rawValue
            region = stored.region.rawValue
            assessedOn = assessment.assessedOn.iso
            items = Dictionary(uniqueKeysWithValues: assessment.scores.items.map { ($0.key.code, $0.value) })
            domains = CapabilityDomain.allCases.map { DomainScore(domain: $0.rawValue, score: assessment.score($0), maximum: $0.maximumScore) }
            comatose = assessment.comatose
            total = assessment.total
            level = assessment.level.name
            assessor = stored.assessor
        }
    }

    struct AssessmentList: ResponseEncodable {
        var assessments: [AssessmentView]
    }

    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies, policy: ElderCarePolicy, clock: ServiceClock) {
        routes.post("/assessments", RoutePolicy(roles: [.assessor], region: .body("region"))) { request, context -> EditedResponse<AssessmentView> in
            let body = try await request.decode(as: AssessmentRequest.self, context: context)
            let stored = try body.assessment(key: dependencies.personRefKey, assessor: try context.requirePrincipal().subject)
            guard stored.assessment.assessedOn <= clock.today() else {
                throw RuleViolation.invalid("capability.assessed-in-future", "assessedOn \(stored.assessment.assessedOn) is after today")
            }
            try await RecordAssessment.run(stored, today: clock.today(), policy: policy, dependencies: dependencies, logger: context.logger)
            return EditedResponse(status: .created, response: AssessmentView(stored))
        }
        // A person's assessments made within the token's region; item scores are health data.
        routes.get("/assessments", RoutePolicy(roles: [.caseworker, .assessor, .auditor], region: .fromToken,
                                               personalData: true)) { request, context -> AssessmentList in
            guard let text = request.uri.queryParameters.get("personRef") else {
                throw RuleViolation.invalid("request.missing-personRef", "give ?personRef=pr_…")
            }
            let person = try RequestParsing.personRef(text, field: "personRef")
            let found = try await RecordAssessment.assessments(of: person, within: try context.requirePrincipal().region,
                                                              dependencies: dependencies, logger: context.logger)
            return AssessmentList(assessments: found.map(AssessmentView.init))
        }
    }
}

extension AssessmentRoutes.AssessmentRequest {
    /// Refuses an unknown item (`capability.item-unknown`) and what ``CapabilityAssessment`` refuses.
    func assessment(key: PersonRefKey, assessor: String) throws(RuleViolation) -> StoredAssessment {
        let person = PersonRef.derive(from: try RequestParsing.residentID(residentId, field: "residentId"), key: key)
        let region = try RequestParsing.region(self.region, field: "region")
        let day = try RequestParsing.date(assessedOn, field: "assessedOn")
        var scores: [CapabilityItem: Int] = [:]
        for (code, score) in items {
            guard let item = CapabilityItem(rawValue: code) else {
                throw .invalid("capability.item-unknown", "\(code) is not an item of GB/T 42195-2022 Appendix B (B.1.1 … B.4.5)")
            }
            scores[item] = score
        }
        let assessment = try CapabilityAssessment(assessedOn: day, items: scores, comatose: comatose ?? false)
        return StoredAssessment(id: UUID(), person: person, region: region, assessment: assessment, assessor: assessor)
    }
}
