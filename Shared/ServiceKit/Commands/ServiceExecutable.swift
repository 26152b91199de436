import Contracts

/// A service's executable as the shared subcommands see it: which service it runs and how it
/// builds its definition from the environment. The `@main` command of a service with commands
/// of its own (seeds, benchmarks) conforms and lists `ServeCommand<Self>` and
/// `VerifyAuditCommand<Self>` among its subcommands.
public protocol ServiceExecutable {
    static var domain: Domain { get }
    /// The definition `serve` runs, its policy read from the process environment.
    static func definition() throws -> ServiceDefinition
}
