import Contracts
import Foundation
import HummingbirdTesting
import TestSupport

/// Registration bodies and reads the register's tests share.
enum ElderRegistrations {
    static func json(_ id: ResidentID, region: String = ElderCareHarness.township, name: String = "王秀英", registeredOn: String? = nil) -> String {
        let day = registeredOn.map { #","registeredOn":"\#($0)""# } ?? ""
        return #"""
            {"residentId":"\#(id.rawValue)","name":"\#(name)","address":"景泰县一条山镇新华路12号","phone":"13909430001",
             "contacts":[{"name":"李强","relation":"son","phone":"13809431234"}],"region":"\#(region)"\#(day)}
            """#
    }

    /// Registers through the API as a caseworker of the county; returns the person ref.
    @discardableResult
    static func register(_ id: ResidentID, _ context: ElderCareHarness.Context, region: String = ElderCareHarness.township,
                         registeredOn: String? = nil) async throws -> String {
        let response = try await context.client.post("/elders", json: json(id, region: region, registeredOn: registeredOn))
        guard response.status == .created else { throw HarnessError(underlying: "registration refused: \(response.text)") }
        return try ElderCareHarness.person(id).rawValue
    }

    /// The categories of a registered person, as `GET /elders/{personRef}` lists them.
    static func categories(_ person: String, _ context: ElderCareHarness.Context) async throws -> [String] {
        let body = try await context.client.get("/elders/\(person)").json()
        return ((body["categories"] as? [[String: Any]]) ?? []).compactMap { $0["category"] as? String }
    }
}
