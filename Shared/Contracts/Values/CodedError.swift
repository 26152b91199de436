/// An error with a stable, machine-readable `code`, so API error bodies, dead-letter records and
/// logs do not depend on Swift's enum spelling.
public protocol CodedError: Error, CustomStringConvertible {
    var code: String { get }
}

extension CivilDateError: CodedError {}
extension CreditCodeError: CodedError {}
extension PersonRefError: CodedError {}
extension RegionCodeError: CodedError {}
extension ResidentIDError: CodedError {}
