import Contracts
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Synchronization

/// Drives cross-bureau events through the Registry's HTTP API, as clerks would: for each
/// person a death (`POST /deaths`), a correction of its date and an annulment — three
/// events with the same key, each command sent only after the previous one answered, so
/// the Registry commits one person's events in the order they were sent.
///
/// Commands are retried until they succeed (the Registry may be killed or its database
/// stopped under them). Retries are safe: a death carries an idempotency key; a repeated
/// correction to the same date changes nothing and publishes nothing; a repeated
/// annulment is refused with `death.annulled`, which a retry takes as done.
public final class LifeEventDriver: Sendable {
    public static let eventsPerPerson = 3

    public struct Report: Sendable {
        /// Commands the Registry acknowledged (one event each).
        public var acknowledged: Int
        /// Attempts that failed (connection refused, 5xx, timeout) and were retried.
        public var retries: Int
        /// Commands given up after `commandDeadline`, or refused for a reason a retry cannot fix.
        public var failures: [String]
    }

    private let port: Int
    private let people: Int
    private let lanes: Int
    private let pacer: Pacer
    private let runID: String
    private let commandDeadline: Duration
    /// The bearer token of the registrar the driver acts as.
    private let bearer: String
    private let acknowledged = Atomic<Int>(0)
    private let retries = Atomic<Int>(0)
    private let failures = Mutex<[String]>([])
    private let finished = Atomic<Bool>(false)
    private let nextPerson = Atomic<Int>(0)

    /// `rate` is in events (commands) per second over all lanes.
    private let region: RegionCode
    private let firstBirth: Int

    /// The region of the driver's people and of its registrar's token.
    public static let regionCode = "110105"

    public init(registryPort: Int, bearer: String, people: Int, lanes: Int, rate: Double,
                commandDeadline: Duration = .seconds(120)) throws {
        self.region = try RegionCode(Self.regionCode)
        self.bearer = bearer
        self.firstBirth = try CivilDate(year: 1940, month: 1, day: 1).daysSinceEpoch
        self.port = registryPort
        self.people = people
        self.lanes = max(1, lanes)
        self.pacer = Pacer(perSecond: rate)
        self.runID = String(UUID().uuidString.prefix(8))
        self.commandDeadline = commandDeadline
    }

    public var totalCommands: Int { people * Self.eventsPerPerson }
    public var acknowledgedCount: Int { acknowledged.load(ordering: .relaxed) }
    public var isFinished: Bool { finished.load(ordering: .acquiring) }

    /// Lets the next `commands` go at once, as fast as the lanes can send them.
    public func burst(_ commands: Int) { pacer.release(commands) }

    public func run() async -> Report {
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<lanes {
                group.addTask {
                    var lane = HTTPLane(port: self.port, bearer: self.bearer)
                    while case let person = self.nextPerson.add(1, ordering: .relaxed).oldValue, person < self.people {
                        await self.drive(person: person, lane: &lane)
                    }
                    await lane.close()
                }
            }
        }
        finished.store(true, ordering: .releasing)
        return Report(acknowledged: acknowledged.load(ordering: .relaxed), retries: retries.load(ordering: .relaxed),
                      failures: failures.withLock { $0 })
    }

    /// The resident ID of person `index`: a birth date per thousand people and a sequence
    /// number within it, so every person is distinct; the check digit is computed.
    func residentID(_ index: Int) throws -> ResidentID {
        ResidentID.make(region: region, birth: try CivilDate(daysSinceEpoch: firstBirth + index / 1_000), sequence: index % 1_000)
    }

    private func drive(person index: Int, lane: inout HTTPLane) async {
        let resident: String
        do { resident = try residentID(index).rawValue } catch {
            failures.withLock { $0.append("person #\(index): \(error)") }
            return
        }
        let region = self.region
        let death = """
            {"residentId":"\(resident)","dateOfDeath":"2024-03-01","region":"\(region.rawValue)",\
            "source":"hospital","idempotencyKey":"fault-\(runID)-\(index)"}
            """
        guard let body = await command("POST /deaths #\(index)", "/deaths", death, lane: &lane, accept: { _, _ in false }),
              let record = Self.recordID(body)
        else { return }
        guard await command("correction #\(index)", "/deaths/\(record)/correction",
                            #"{"dateOfDeath":"2024-03-02","reason":"fault matrix: corrected date"}"#,
                            lane: &lane, accept: { _, _ in false }) != nil
        else { return }
        _ = await command("annulment #\(index)", "/deaths/\(record)/annulment", #"{"reason":"fault matrix: recorded in error"}"#,
                          lane: &lane, accept: { status, retried in retried && status == 409 })
    }

    /// Sends one command until it succeeds; returns the response body, or nil after recording a failure.
    /// `accept(status, retried)` names refusals that mean a previous attempt already succeeded.
    private func command(
        _ label: String, _ uri: String, _ json: String, lane: inout HTTPLane, accept: (Int, Bool) -> Bool
    ) async -> String? {
        await pacer.wait()
        let deadline = ContinuousClock.now + commandDeadline
        var retried = false
        var backoff = Duration.milliseconds(50)
        var lastError = ""
        while ContinuousClock.now < deadline {
            do {
                let (status, body) = try await lane.post(uri, json: json)
                if (200..<300).contains(status) || accept(status, retried) {
                    acknowledged.add(1, ordering: .relaxed)
                    return body
                }
                if status < 500 {
                    failures.withLock { $0.append("\(label): HTTP \(status) \(body.prefix(300))") }
                    return nil
                }
                lastError = "HTTP \(status) \(body.prefix(200))"
            } catch {
                lastError = "\(error)"
                await lane.close()
            }
            retried = true
            retries.add(1, ordering: .relaxed)
            try? await Task.sleep(for: backoff)
            backoff = min(backoff * 2, .seconds(1))
        }
        failures.withLock { $0.append("\(label): gave up after \(commandDeadline): \(lastError)") }
        return nil
    }

    static func recordID(_ body: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else { return nil }
        return object["recordId"] as? String
    }
}

/// One keep-alive HTTP/1.1 connection to the Registry, reopened after any error
/// (a killed Registry leaves it dead).
struct HTTPLane {
    let port: Int
    let bearer: String
    private var client: TestClient?

    init(port: Int, bearer: String) {
        self.port = port
        self.bearer = bearer
    }

    /// A request that gets no answer in 15 s fails: a Registry wedged after a database restart
    /// can hold a request for ever, and TestClient's read timeout did not end such a wait.
    /// Shutting the client down fails the pending request, so the race always finishes.
    mutating func post(_ uri: String, json: String) async throws -> (Int, String) {
        let client = self.client ?? {
            let created = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(10)))
            created.connect()
            return created
        }()
        self.client = client
        let headers: HTTPFields = [.contentType: "application/json", .authorization: "Bearer \(bearer)"]
        return try await withThrowingTaskGroup(of: (Int, String)?.self) { group in
            group.addTask {
                let response = try await client.post(uri, headers: headers,
                                                      body: ByteBuffer(string: json))
                return (Int(response.status.code), response.body.map { String(buffer: $0) } ?? "")
            }
            group.addTask {
                try await Task.sleep(for: .seconds(15))
                try? await client.shutdown()
                return nil
            }
            defer { group.cancelAll() }
            while let result = try await group.next() {
                if let result { return result }
                throw HarnessSetupError.timeout("no answer to POST \(uri) in 15 s")
            }
            throw HarnessSetupError.timeout("no answer to POST \(uri)")
        }
    }

    mutating func close() async {
        if let client { try? await client.shutdown() }
        client = nil
    }
}

/// Spaces commands evenly: the k-th caller may go at `start + k / rate`.
final class Pacer: Sendable {
    private let interval: Duration
    private let slots = Mutex<(start: ContinuousClock.Instant?, issued: Int, free: Int)>((nil, 0, 0))

    init(perSecond rate: Double) {
        interval = rate > 0 ? .nanoseconds(Int64(1e9 / rate)) : .zero
    }

    func wait() async {
        guard interval > .zero else { return }
        let slot = slots.withLock { state -> ContinuousClock.Instant in
            if state.free > 0 {
                state.free -= 1
                return .now
            }
            let start = state.start ?? ContinuousClock.now
            state.start = start
            defer { state.issued += 1 }
            return start + interval * state.issued
        }
        if slot > ContinuousClock.now { try? await Task.sleep(until: slot, clock: .continuous) }
    }

    /// Unpaced slots, used before the paced ones.
    func release(_ count: Int) { slots.withLock { $0.free += count } }
}
