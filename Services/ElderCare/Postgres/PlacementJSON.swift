import Contracts
import Foundation

/// `jsonb` columns of the placement tables, written and read with the contracts' JSON settings
/// (sorted keys, RFC 3339 dates).
enum PlacementJSON {
    /// The JSON text of `value`, to bind as `\(text)::jsonb`.
    static func text(_ value: some Encodable) throws -> String {
        String(decoding: try EventJSON.encoder.encode(value), as: UTF8.self)
    }

    /// Reads a column selected as `column::text`.
    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try EventJSON.decoder.decode(type, from: Data(text.utf8))
    }
}
