import Hummingbird
import RosterStore

/// The answer of `POST /rosters` and `POST /disability-subsidy-rosters`: the shared
/// ``RosterSummary`` as Hummingbird sends it. A wrapper rather than a retroactive conformance,
/// since neither RosterStore (no HTTP) nor Hummingbird owns the pair.
struct RosterResponse: ResponseEncodable {
    var summary: RosterSummary

    func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
    }

    /// 201 when the run recorded a roster, 200 when a re-run paid nobody new.
    static func edited(_ summary: RosterSummary) -> EditedResponse<RosterResponse> {
        EditedResponse(status: summary.rosterID == nil ? .ok : .created, response: RosterResponse(summary: summary))
    }
}
