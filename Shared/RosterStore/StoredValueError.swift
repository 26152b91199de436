/// A column holds a value the roster never writes: the row cannot be read (a 500, logged).
struct StoredValueError: Error, CustomStringConvertible {
    var column: String
    var value: String

    var description: String { "\(column) holds \(value), which the roster does not write" }
}
