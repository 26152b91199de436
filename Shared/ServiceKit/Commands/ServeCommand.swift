import ArgumentParser

/// `<service> [serve]`: runs the service (every service's default subcommand).
public struct ServeCommand<Service: ServiceExecutable>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "serve", abstract: "Run the service (the default).")
    }

    public init() {}

    public func run() async throws {
        try await ServiceRuntime.run(Service.definition())
    }
}
