import Access
import ArgumentParser
import Contracts
import DevelopmentTokens
import Foundation

/// `civil token --role registrar --region 620423`: a development bearer token for the local stack.
///
/// Signed ES256 with the key pair under `.run/jwt/` (made on first use); the services verify it
/// with `.run/jwt/jwks.json` as `CIVIL_JWT_KEYS_FILE`. Issuer and audience default to the values
/// the services expect (`TokenDefaults`). Prints the token alone, for `$(civil token …)`.
struct Token: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mint a development bearer token (ES256, key pair under .run/jwt/).")

    @Option(name: .customLong("role"), help: "A role (repeat for several): \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
    var roles: [String]

    @Option(help: "The GB/T 2260 region the token is scoped to: city (620400), county (620423) or township (620423100).")
    var region: String

    @Option(help: "The subject: the officer's stable id.")
    var sub = "dev-officer"

    @Option(help: "Minutes until the token expires.")
    var minutes = 60

    @Option(help: "The iss claim.")
    var issuer = TokenDefaults.issuer

    @Option(help: "The aud claim.")
    var audience = TokenDefaults.audience

    func validate() throws {
        guard !roles.isEmpty else { throw ValidationError("name at least one --role") }
        for role in roles where Role(rawValue: role) == nil {
            throw ValidationError("unknown role \(role); one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        do {
            _ = try RegionCode(region)
        } catch {
            throw ValidationError("--region \(region) is not a GB/T 2260 code: \(error)")
        }
        guard (1...24 * 60).contains(minutes) else { throw ValidationError("--minutes must be between 1 and 1440") }
    }

    func run() async throws {
        let stack = try LocalStack.current()
        let tokens = DevelopmentTokenIssuer.localStack(root: stack.root)
        let token = try await tokens.mint(roles: roles.compactMap(Role.init(rawValue:)), region: region, subject: sub,
                                          minutes: minutes, issuer: issuer, audience: audience)
        report(token)
    }
}
