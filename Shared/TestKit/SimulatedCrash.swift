/// Thrown from a component's hook to stop it at that point as if its process were killed
/// there: nothing after the hook runs.
public struct SimulatedCrash: Error, Sendable, Equatable {
    public let point: String
    public init(_ point: String) { self.point = point }
}
