import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// An OS process a test owns: started with its output appended to a log file,
/// signalled, and awaited without blocking the cooperative pool.
///
/// Orphans: when `setpriv` (util-linux) is present the child is started through
/// `setpriv --pdeathsig KILL`, so the kernel kills it if the test process dies
/// (a crash, a CI timeout's SIGKILL) before it could clean up. The parent-death
/// signal fires when the *thread* that spawned the child exits, so every child is
/// spawned from one thread that lives as long as the process (`ProcessSpawner`),
/// never from a cooperative-pool or Dispatch worker thread that may be retired.
public final class ChildProcess: Sendable {
    public let name: String
    public let pid: Int32
    public let logPath: String
    private let exit: ExitState

    /// Starts `executable` with `arguments` and exactly `environment`, as `user` when
    /// given (needs root: `postgres` refuses to run as root, so the scratch cluster runs
    /// as the `postgres` OS user).
    public static func start(
        name: String, executable: String, arguments: [String] = [], environment: [String: String],
        logPath: String, user: String? = nil
    ) async throws -> ChildProcess {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw ChildProcessError.notExecutable(executable)
        }
        let launcher: String
        let launcherArguments: [String]
        if let setpriv = Self.setpriv {
            var prefix = ["--pdeathsig", "KILL"]
            if let user { prefix += ["--reuid=\(user)", "--regid=\(user)", "--init-groups"] }
            launcher = setpriv
            launcherArguments = prefix + ["--", executable] + arguments
        } else if let user {
            throw ChildProcessError.cannotSwitchUser("setpriv not found; cannot run \(name) as \(user)")
        } else {
            launcher = executable
            launcherArguments = arguments
        }
        if !FileManager.default.fileExists(atPath: logPath) {
            _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        }
        guard let log = FileHandle(forWritingAtPath: logPath) else { throw ChildProcessError.cannotOpenLog(logPath) }
        log.seekToEndOfFile()
        log.write(Data("=== \(RFC3339Clock.now()) starting \(name): \(executable) \(arguments.joined(separator: " "))\n".utf8))

        let exit = ExitState()
        // Built and started on the spawner thread (see the type's comment); Process is not Sendable.
        let pid = try await ProcessSpawner.shared.run { () throws -> Int32 in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: launcher)
            process.arguments = launcherArguments
            process.environment = environment
            process.currentDirectoryURL = URL(fileURLWithPath: "/")
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = log
            process.standardError = log
            process.terminationHandler = { finished in
                // A signalled child reports .uncaughtSignal with the signal number as its status.
                exit.finish(finished.terminationReason == .uncaughtSignal ? -finished.terminationStatus : finished.terminationStatus)
            }
            try process.run()
            return process.processIdentifier
        }
        try? log.close()  // the child holds its own descriptor
        return ChildProcess(name: name, pid: pid, logPath: logPath, exit: exit)
    }

    private init(name: String, pid: Int32, logPath: String, exit: ExitState) {
        self.name = name
        self.pid = pid
        self.logPath = logPath
        self.exit = exit
    }

    public var isRunning: Bool { exit.status == nil }

    /// The exit status once it has exited: the code, or minus the signal that ended it.
    public var exitStatus: Int32? { exit.status }

    public func signal(_ signal: Int32) {
        guard isRunning else { return }
        _ = Glibc.kill(pid, signal)
    }

    /// Waits for the exit; nil if it is still running after `timeout`.
    @discardableResult
    public func waitForExit(timeout: Duration) async -> Int32? {
        await exit.wait(timeout: timeout)
    }

    /// SIGKILL, then waits for the exit (the kernel cannot refuse it).
    public func kill() async {
        signal(SIGKILL)
        while await waitForExit(timeout: .seconds(10)) == nil { signal(SIGKILL) }
    }

    /// SIGTERM, then SIGKILL after `grace`. Returns false when SIGKILL was needed.
    @discardableResult
    public func terminate(grace: Duration = .seconds(15)) async -> Bool {
        signal(SIGTERM)
        if await waitForExit(timeout: grace) != nil { return true }
        await kill()
        return false
    }

    /// The newest `lines` lines of the log, for failure messages.
    public func logTail(lines: Int = 30) -> String {
        guard let text = try? String(contentsOfFile: logPath, encoding: .utf8) else { return "(no log at \(logPath))" }
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }

    static let setpriv: String? = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }
}

public enum ChildProcessError: Error, CustomStringConvertible {
    case notExecutable(String)
    case cannotOpenLog(String)
    case cannotSwitchUser(String)

    public var description: String {
        switch self {
        case .notExecutable(let path): "\(path) does not exist or is not executable (build it first: swift build)"
        case .cannotOpenLog(let path): "cannot open log file \(path)"
        case .cannotSwitchUser(let reason): reason
        }
    }
}

/// The exit status of a child and the tasks waiting for it.
final class ExitState: Sendable {
    private struct State {
        var status: Int32?
        var waiters: [UInt64: CheckedContinuation<Int32?, Never>] = [:]
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())

    var status: Int32? { state.withLock { $0.status } }

    func finish(_ status: Int32) {
        let waiters = state.withLock { state in
            state.status = status
            defer { state.waiters = [:] }
            return state.waiters
        }
        for waiter in waiters.values { waiter.resume(returning: status) }
    }

    /// Resumes with the status at exit, or with nil after `timeout` (the waiter is then removed,
    /// so a continuation is resumed exactly once either way).
    func wait(timeout: Duration) async -> Int32? {
        await withCheckedContinuation { (continuation: CheckedContinuation<Int32?, Never>) in
            let id: UInt64? = state.withLock { state in
                if state.status != nil { return nil }
                state.nextID += 1
                state.waiters[state.nextID] = continuation
                return state.nextID
            }
            guard let id else {
                continuation.resume(returning: status)
                return
            }
            Task {
                try? await Task.sleep(for: timeout)
                let expired = self.state.withLock { $0.waiters.removeValue(forKey: id) }
                expired?.resume(returning: nil)
            }
        }
    }
}

/// One thread, alive for the whole process, that starts every child (see `ChildProcess`).
final class ProcessSpawner: Sendable {
    static let shared = ProcessSpawner()

    private let jobs = Mutex<[@Sendable () -> Void]>([])
    private let ready = DispatchSemaphore(value: 0)

    private init() {
        // The singleton is never released, so the thread may hold it.
        let thread = Thread { [self] in
            while true {
                ready.wait()
                let job = jobs.withLock { $0.isEmpty ? nil : $0.removeFirst() }
                job?()
            }
        }
        thread.name = "child-process-spawner"
        thread.start()
    }

    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            jobs.withLock { $0.append { continuation.resume(with: Result { try body() }) } }
            ready.signal()
        }
    }
}

/// Wall-clock stamps for log lines.
enum RFC3339Clock {
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}
