/// A placement table's column holds a value the service never writes: the row cannot be read
/// (a 500, logged).
struct PlacementStoreError: Error, CustomStringConvertible {
    var column: String
    var value: String

    var description: String { "\(column) holds \(value), which this service does not write" }
}
