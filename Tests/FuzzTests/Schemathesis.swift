import Foundation
import ServiceKit
import TestSupport

/// Runs the schemathesis CLI (installed by `scripts/test` from PyPI) against a service running
/// in-process, reading the document the service serves at `/openapi.json`.
enum Schemathesis {
    struct Outcome: Sendable {
        var status: Int32?
        /// The end of schemathesis' output: its summary and the failing requests, as curl commands.
        var report: String
    }

    /// The checks that make the run fail: no 5xx; what breaks the schema is refused; every
    /// status, content type and response body is one the document declares.
    static let checks = [
        "not_a_server_error", "negative_data_rejection", "status_code_conformance",
        "content_type_conformance", "response_schema_conformance",
    ]

    static func fuzz(_ definition: ServiceDefinition, examples: Int = 40) async throws -> Outcome {
        let executable = try locate()
        let logPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("schemathesis-\(definition.domain.rawValue)-\(UUID().uuidString).log").path
        return try await ServiceHarness.run(definition) { client, _ in
            guard let port = client.port else { throw HarnessError(underlying: "the live test client has no port") }
            // Every operation but health, metrics and the document needs a bearer token: the
            // harness's province administrator admits every role and every Gansu region, so the
            // requests reach validation and the routes instead of stopping at 401.
            guard let bearer = client.bearer else { throw HarnessError(underlying: "the harness's client has no token") }
            let process = try await ChildProcess.start(
                name: "schemathesis", executable: executable,
                arguments: [
                    "run", "http://127.0.0.1:\(port)/openapi.json",
                    "--checks", checks.joined(separator: ","),
                    "--max-examples", String(examples),
                    "--header", "Authorization: Bearer \(bearer)",
                    // Reproducible: the same requests on every run; a new finding means a code change.
                    "--seed", "20261126", "--generation-deterministic",
                    "--workers", "1", "--request-timeout", "30",
                    "--no-color",
                ],
                environment: ProcessInfo.processInfo.environment.filter { ["PATH", "HOME", "LANG", "LC_ALL"].contains($0.key) },
                logPath: logPath)
            let status = await process.waitForExit(timeout: .seconds(900))
            if status == nil { await process.kill() }
            return Outcome(status: status, report: process.logTail(lines: 120))
        }
    }

    static func locate() throws -> String {
        let candidates = [
            ProcessInfo.processInfo.environment["CIVIL_SCHEMATHESIS"],
            FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/civil-affairs/schemathesis-4.32.5/bin/st").path,
        ].compactMap { $0 }
        guard let found = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw HarnessError(underlying: "schemathesis not found (looked at \(candidates)); scripts/test installs it")
        }
        return found
    }
}
