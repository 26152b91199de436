import Foundation
import ServiceKit
import Testing
import TestKit

/// `CIVIL_ENV=production` refuses development secrets, and every secret can come from a file.
@Suite("Production mode and secrets from files", .tags(.unit))
struct ProductionModeTests {
    static let secretKey = String(repeating: "5a", count: 32)

    static func file(_ contents: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("secret-\(UUID().uuidString)").path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func developmentIsTheDefaultAndNeedsNothing() throws {
        let settings = try ServiceSettings(domain: .registry, environment: [:])
        #expect(settings.mode == .development)
    }

    @Test func productionNamesEverySettingItCannotStartWith() throws {
        let settings = try ServiceSettings(domain: .registry, environment: ["CIVIL_ENV": "production"])
        let problems = settings.productionProblems
        #expect(problems.count == 3, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("CIVIL_PERSON_REF_KEY") })
        #expect(problems.contains { $0.hasPrefix("CIVIL_JWT_KEYS_FILE is not set") })
        #expect(problems.contains { $0.hasPrefix("CIVIL_JWT_ISSUER") })
    }

    @Test func theDevelopmentKeySetOfCivilTokenIsRefused() throws {
        let settings = try ServiceSettings(domain: .registry, environment: [
            "CIVIL_ENV": "production", "CIVIL_PERSON_REF_KEY": Self.secretKey,
            "CIVIL_JWT_KEYS_FILE": "/srv/civil/.run/jwt/jwks.json", "CIVIL_JWT_ISSUER": "https://idp.example.gov.cn",
        ])
        #expect(settings.productionProblems.count == 1, "\(settings.productionProblems)")
        #expect(settings.productionProblems.first?.contains("development key set") == true)
    }

    @Test func productionStartsWithItsOwnSecretsReadFromFiles() throws {
        let key = try Self.file(Self.secretKey + "\n")
        let password = try Self.file("s3cret\n")
        defer {
            try? FileManager.default.removeItem(atPath: key)
            try? FileManager.default.removeItem(atPath: password)
        }
        let settings = try ServiceSettings(domain: .assistance, environment: [
            "CIVIL_ENV": "production", "CIVIL_PERSON_REF_KEY_FILE": key, "ASSISTANCE_DB_PASSWORD_FILE": password,
            "CIVIL_JWT_KEYS_FILE": "/etc/civil/idp-jwks.json", "CIVIL_JWT_ISSUER": "https://idp.example.gov.cn",
        ])
        #expect(settings.personRefKeyHex == Self.secretKey)
        #expect(settings.database.password == "s3cret")
        #expect(settings.productionProblems == [])
    }

    @Test func anUnreadableSecretFileOrAnUnknownModeIsRefused() {
        #expect(throws: SettingsError.self) {
            try ServiceSettings(domain: .registry, environment: ["CIVIL_PERSON_REF_KEY_FILE": "/nonexistent/key"])
        }
        #expect(throws: SettingsError.self) {
            try ServiceSettings(domain: .registry, environment: ["CIVIL_ENV": "staging"])
        }
    }
}
