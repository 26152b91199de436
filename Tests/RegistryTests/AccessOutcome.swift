import HummingbirdTesting
import TestSupport

/// What a request was answered, as a region-scope test compares it: the HTTP status and the
/// problem code of a refusal (nil for a success), so a failed expectation shows both.
struct AccessOutcome: Equatable, CustomStringConvertible {
    var status: UInt
    var code: String?

    init(status: UInt, code: String? = nil) {
        self.status = status
        self.code = code
    }

    init(_ response: TestResponse) {
        self.init(status: UInt(response.status.code), code: response.problemCode)
    }

    static let ok = AccessOutcome(status: 200)
    static let created = AccessOutcome(status: 201)
    static let outsideRegion = AccessOutcome(status: 403, code: "auth.outside-region")
    static let roleNotAllowed = AccessOutcome(status: 403, code: "auth.role-not-allowed")
    static let tokenMissing = AccessOutcome(status: 401, code: "auth.token-missing")

    var description: String { "\(status) \(code ?? "-")" }
}
