import Foundation

/// The command line of a service without commands of its own: `<service> [serve]` runs it,
/// `<service> verify-audit` checks its audit log's hash chain. Services with more (seeds,
/// benchmarks) use swift-argument-parser and offer the same two.
public enum ServiceEntryPoint {
    public static func run(_ definition: ServiceDefinition, arguments: [String] = Array(CommandLine.arguments.dropFirst())) async throws {
        let name = definition.domain.rawValue
        switch arguments {
        case [], ["serve"]:
            try await ServiceRuntime.run(definition)
        case ["verify-audit"]:
            exit(try await AuditVerification.run(definition.domain))
        case ["--help"], ["-h"], ["help"]:
            print("usage: \(name) [serve]     run the service (the default)\n       \(name) verify-audit  check the audit log's hash chain")
        default:
            FileHandle.standardError.write(Data("\(name): unknown arguments \(arguments.joined(separator: " ")); see --help\n".utf8))
            exit(64)
        }
    }
}
