import Access
import Contracts
import Foundation
import Logging
import Synchronization
import TestSupport

/// Runs faults against real processes and counts the effects (see `Fault`).
///
/// One scratch PostgreSQL cluster serves the whole matrix (each fault has its own
/// databases on it); each fault gets a fresh embedded-kafka and fresh service processes.
public final class FaultMatrix: Sendable {
    public let settings: MatrixSettings
    public let directory: String
    let cluster: ScratchPostgres
    let binaries: String
    let logger: Logger

    public static func start(settings: MatrixSettings, logger: Logger = FaultMatrix.defaultLogger) async throws -> FaultMatrix {
        let binaries = try BuildProducts.directory()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fault-matrix-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let cluster = try await ScratchPostgres.create(logger: logger)
        return FaultMatrix(settings: settings, directory: directory, cluster: cluster, binaries: binaries, logger: logger)
    }

    private init(settings: MatrixSettings, directory: String, cluster: ScratchPostgres, binaries: String, logger: Logger) {
        self.settings = settings
        self.directory = directory
        self.cluster = cluster
        self.binaries = binaries
        self.logger = logger
    }

    public static var defaultLogger: Logger {
        var logger = Logger(label: "fault-matrix")
        logger.logLevel = .warning
        return logger
    }

    /// Stops the cluster and removes the scratch files (the logs too, unless `keepLogs`).
    public func finish(keepLogs: Bool) async {
        await cluster.destroy()
        if !keepLogs { try? FileManager.default.removeItem(atPath: directory) }
    }

    /// Runs `body` with a started matrix and always tears it down; logs stay when `body` throws.
    public static func with<T: Sendable>(
        _ settings: MatrixSettings, _ body: @Sendable (FaultMatrix) async throws -> T
    ) async throws -> T {
        let matrix = try await start(settings: settings)
        do {
            let result = try await body(matrix)
            await matrix.finish(keepLogs: settings.keepLogs)
            return result
        } catch {
            await matrix.finish(keepLogs: true)
            throw error
        }
    }

    /// Runs one fault under load and counts what reached the consumers.
    public func run(_ fault: Fault) async throws -> FaultOutcome {
        let caseDirectory = directory + "/" + fault.rawValue
        try FileManager.default.createDirectory(atPath: caseDirectory, withIntermediateDirectories: true)
        let tag = fault.rawValue.replacingOccurrences(of: "-", with: "_")
        let stack = try await FaultStack.start(cluster: cluster, binaries: binaries, directory: caseDirectory, tag: tag,
                                               settings: settings, logger: logger)
        do {
            var outcome = try await exercise(fault, on: stack)
            outcome.ignoredSIGTERM = await stack.shutdown()
            outcome.logDirectory = caseDirectory
            return outcome
        } catch {
            await stack.kill()
            throw error
        }
    }

    private func exercise(_ fault: Fault, on stack: FaultStack) async throws -> FaultOutcome {
        var outcome = FaultOutcome(fault: fault)
        let bearer = try await TestTokens.token([.registrar], region: String(LifeEventDriver.regionCode.prefix(2)) + "0000",
                                                subject: "fault-matrix-registrar")
        let driver = try LifeEventDriver(registryPort: stack.registry.port, bearer: bearer,
                                         people: max(1, settings.eventsPerFault / LifeEventDriver.eventsPerPerson),
                                         lanes: settings.lanes, rate: settings.rate)
        let sending = Task { await driver.run() }
        // Inject once a third is sent, so the fault lands in a steady stream with work before and after it.
        while driver.acknowledgedCount < driver.totalCommands / 3 && !driver.isFinished {
            try await Task.sleep(for: .milliseconds(20))
        }
        let duplicatesBefore = try await inject(fault, into: stack, driver: driver, outcome: &outcome)

        // Recovery: the first event committed after the fault's end, and everything before it, applied everywhere.
        let lifted = ContinuousClock.now
        let registryDatabase = stack.registry.database
        let recovering = Task {
            await self.waitRecovered(after: lifted, registry: registryDatabase, driver: driver, in: stack,
                                     timeout: self.settings.drainTimeout + .seconds(30))
        }

        let report = await sending.value
        outcome.acknowledged = report.acknowledged
        outcome.driverRetries = report.retries
        outcome.driverFailures = report.failures
        let committed = try await EffectLedger.committed(cluster, database: stack.registry.database, logger: logger)
        outcome.sent = committed.count
        _ = await waitApplied(committed.ids, in: stack, timeout: settings.drainTimeout)
        outcome.recovery = await recovering.value.map { $0 - lifted }
        outcome.readinessAfter = await stack.registry.readiness()

        let letters = try await DeadLetters.read(
            topics: stack.consumers.map { Topics.deadLetter(group: Topics.consumerGroup(of: $0.domain)) },
            bootstrap: stack.kafka.bootstrap, logger: logger)
        for consumer in stack.consumers {
            let journal = try await EffectLedger.journal(cluster, database: consumer.database, logger: logger)
            var count = ConsumerCount.compare(service: consumer.product, committed: committed, journal: journal)
            count.duplicatesDropped = MetricsText.duplicates(await consumer.metrics()) + (duplicatesBefore[consumer.product] ?? 0)
            let topic = Topics.deadLetter(group: Topics.consumerGroup(of: consumer.domain))
            let mine = letters.filter { $0.topic == topic }
            let poison = mine.filter { $0.key?.hasPrefix(PoisonEvents.keyPrefix) ?? false }
            count.poisonDeadLettered = poison.count
            count.poisonReasons = poison.map { $0.reason ?? "" }
            count.goodDeadLettered = mine.count - poison.count
            outcome.consumers.append(count)
        }
        return outcome
    }

    /// Carries out the fault; returns the duplicate counts of processes it killed (their
    /// counters die with them), scraped just before the kill.
    static let burstBeforeDatabaseStop = 120

    private func inject(
        _ fault: Fault, into stack: FaultStack, driver: LifeEventDriver, outcome: inout FaultOutcome
    ) async throws -> [String: Int] {
        switch fault {
        case .brokerOutage:
            try await stack.kafka.brokersDown()
            try await Task.sleep(for: settings.outage)
            try await stack.kafka.brokersUp()
        case .publisherKill:
            await stack.registry.kill()
            try await stack.registry.start()
        case .consumerKill:
            guard let victim = stack.consumers.first else { return [:] }
            let before = MetricsText.duplicates(await victim.metrics())
            await victim.kill()
            try await victim.start()
            return [victim.product: before]
        case .postgresRestart:
            // A burst first, so events are on their way through Kafka to the consumers when the
            // database goes: that is when an inbox must wait rather than dead-letter (fault 4).
            let before = driver.acknowledgedCount
            driver.burst(Self.burstBeforeDatabaseStop)
            while driver.acknowledgedCount < before + Self.burstBeforeDatabaseStop / 2 && !driver.isFinished {
                try await Task.sleep(for: .milliseconds(5))
            }
            await cluster.stop(.fast)
            // Midway through the outage the Registry must say it is not ready: its events cannot leave.
            try await Task.sleep(for: settings.outage / 2)
            outcome.readinessDuringOutage = await stack.registry.readiness()
            try await Task.sleep(for: settings.outage / 2)
            try await cluster.start()
        case .poisonEvent:
            outcome.poisonProduced = try await PoisonEvents.produce(bootstrap: stack.kafka.bootstrap, logger: logger)
        }
        return [:]
    }

    /// Waits for an event committed after `lifted` (or for the driver to finish), then for every
    /// event committed by then to be applied everywhere; the instant that happened, or nil.
    private func waitRecovered(
        after lifted: ContinuousClock.Instant, registry: String, driver: LifeEventDriver, in stack: FaultStack, timeout: Duration
    ) async -> ContinuousClock.Instant? {
        let deadline = lifted + timeout
        guard let atLift = try? await EffectLedger.committed(cluster, database: registry, logger: logger) else { return nil }
        var target = atLift
        while ContinuousClock.now < deadline {
            let finished = driver.isFinished
            guard let now = try? await EffectLedger.committed(cluster, database: registry, logger: logger) else { return nil }
            if now.count > atLift.count || finished {
                target = now
                break
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return await waitApplied(target.ids, in: stack, timeout: deadline - ContinuousClock.now)
    }

    /// Polls until every consumer has applied all of `ids`; the instant it happened, or nil at the timeout.
    private func waitApplied(_ ids: [UUID], in stack: FaultStack, timeout: Duration) async -> ContinuousClock.Instant? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            var all = true
            for consumer in stack.consumers {
                let applied = (try? await EffectLedger.appliedCount(of: ids, cluster, database: consumer.database, logger: logger)) ?? -1
                if applied < ids.count { all = false; break }
            }
            if all { return ContinuousClock.now }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }
}
