import Foundation

/// The JSON Schemas kept beside the event types (`Shared/Contracts/Schemas`), shipped
/// as the module's resources so services can serve them to integrators.
public enum EventSchemas {
    public static func data(for type: EventType) -> Data? {
        guard let url = Bundle.module.url(forResource: type.schemaFileName, withExtension: nil, subdirectory: "Schemas") else {
            return nil
        }
        return try? Data(contentsOf: url)
    }
}
