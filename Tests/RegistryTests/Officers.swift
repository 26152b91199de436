import HummingbirdTesting
import ServiceKit
import Testing
import TestSupport

/// The officers a region-scope test plays against one Registry, each with a token of their own.
///
/// The tests' records lie in 景泰县 (620423, office `620423-01`) of 白银市 (620400); 靖远县
/// (620421) is a sibling county of the same city, 620423100 a township of 景泰县.
enum Officer: String, CaseIterable, CustomStringConvertible {
    /// A registrar of the records' county.
    case county
    /// A registrar of a sibling county in the same city.
    case sibling
    /// A registrar of the city bureau.
    case city
    /// A registrar of a township below the county: county-level records are not hers.
    case township
    /// An auditor of the county: reads, never writes.
    case auditor
    /// Finance officers of the county and of the sibling county (funeral subsidies are paid out).
    case finance, siblingFinance
    /// An intake officer of the county: not a Registry role.
    case intake
    /// No token at all.
    case anonymous

    /// The token's roles and region; nil for no token.
    var token: (roles: [Role], region: String)? {
        switch self {
        case .county: ([.registrar], "620423")
        case .sibling: ([.registrar], "620421")
        case .city: ([.registrar], "620400")
        case .township: ([.registrar], "620423100")
        case .auditor: ([.auditor], "620423")
        case .finance: ([.finance], "620423")
        case .siblingFinance: ([.finance], "620421")
        case .intake: ([.intake], "620423")
        case .anonymous: nil
        }
    }

    var description: String { rawValue }
}

/// A client per `Officer`, on the same server.
struct Officers {
    private let server: any TestClientProtocol
    /// Each officer's token; none for `anonymous`.
    private let bearers: [Officer: String]

    init(_ client: AuthorizingTestClient) async throws {
        var bearers: [Officer: String] = [:]
        for officer in Officer.allCases {
            guard let token = officer.token else { continue }
            bearers[officer] = try await TestTokens.token(token.roles, region: token.region, subject: "officer-\(officer)")
        }
        server = client.base
        self.bearers = bearers
    }

    subscript(_ officer: Officer) -> AuthorizingTestClient {
        AuthorizingTestClient(base: server, bearer: bearers[officer])
    }

    /// Sends `request` as each officer in turn and expects each one's outcome; a failure names the officer.
    func expect(
        _ cases: [(Officer, AccessOutcome)], sourceLocation: SourceLocation = #_sourceLocation,
        _ request: (AuthorizingTestClient) async throws -> TestResponse
    ) async throws {
        for (officer, expected) in cases {
            let response = try await request(self[officer])
            #expect(AccessOutcome(response) == expected, "as \(officer): \(response.text)", sourceLocation: sourceLocation)
        }
    }
}
