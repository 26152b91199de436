import ArgumentParser

/// `<service> verify-audit`: checks the service's audit log, with the exit status scripts test.
public struct VerifyAuditCommand<Service: ServiceExecutable>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "verify-audit",
            abstract: "Check the audit log's hash chain: exit 0 intact, 1 broken (a row edited, deleted or inserted), 2 unreadable.")
    }

    public init() {}

    public func run() async throws {
        let status = try await AuditVerification.run(Service.domain)
        if status != 0 { throw ExitCode(status) }
    }
}
