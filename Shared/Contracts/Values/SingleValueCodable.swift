/// A value that travels as one JSON string: written as its canonical text and read back through
/// its validating parser, so malformed input fails decoding with the parser's stable error code
/// (`"civil-date.invalid-day: day 30 does not exist in that month"`).
public protocol SingleValueCodable: Codable {
    associatedtype ParseError: CodedError
    /// The canonical text, as written to JSON.
    var singleValue: String { get }
    /// The validating parser, as the decoder uses it.
    init(singleValue: String) throws(ParseError)
}

extension SingleValueCodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do throws(ParseError) {
            try self.init(singleValue: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(error.code): \(error)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(singleValue)
    }
}
