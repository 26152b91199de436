// The fault matrix at scale (issue 8): for each fault, events sent through the Registry,
// effects applied by ElderCare and ChildProtection, duplicates, order violations and
// the time to recover, on real processes.
//
//   scripts/bench --faults [--events N] [--rate PER_SECOND] [--lanes N] [--only FAULT,…] [--keep-logs]
//
// --events is the total over the faults run (default 100,000: 20,000 per fault).
// The embedded broker keeps at most 5 MiB per partition (librdkafka's mock cluster);
// a consumer that falls further behind than that loses the oldest messages, so
// --partitions defaults to 12 here.
import FaultHarness
import Foundation

struct Options {
    var events = 100_000
    var rate = 1_000.0
    var lanes = 16
    var partitions = 12
    var faults = Fault.allCases
    var keepLogs = false

    init(_ arguments: [String]) throws {
        var iterator = arguments.makeIterator()
        func number(_ name: String) throws -> Int {
            guard let text = iterator.next(), let value = Int(text), value > 0 else { throw UsageError("\(name) needs a positive number") }
            return value
        }
        while let argument = iterator.next() {
            switch argument {
            case "--events": events = try number(argument)
            case "--rate": rate = Double(try number(argument))
            case "--lanes": lanes = try number(argument)
            case "--partitions": partitions = try number(argument)
            case "--keep-logs": keepLogs = true
            case "--only":
                guard let list = iterator.next() else { throw UsageError("--only needs fault names") }
                faults = try list.split(separator: ",").map { name in
                    guard let fault = Fault(rawValue: String(name)) else {
                        throw UsageError("unknown fault \(name); known: \(Fault.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    return fault
                }
            default: throw UsageError("unknown argument \(argument)")
            }
        }
    }
}

struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Unbuffered: progress should show as each fault ends, also through a pipe.
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

do {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    let perFault = max(3, options.events / options.faults.count)
    var settings = MatrixSettings(eventsPerFault: perFault, rate: options.rate, lanes: options.lanes,
                                  drainTimeout: .seconds(max(60, perFault / 200)))
    settings.partitions = options.partitions
    // An info line per event would cost the consumers more than the events; CIVIL_FAULT_LOG_LEVEL overrides.
    settings.logLevel = ProcessInfo.processInfo.environment["CIVIL_FAULT_LOG_LEVEL"] ?? "notice"
    settings.keepLogs = options.keepLogs
    say("fault-bench: \(perFault) events per fault at up to \(Int(options.rate))/s over \(options.lanes) connections; "
          + "outage \(settings.outage); faults: \(options.faults.map(\.rawValue).joined(separator: ", "))")
    let matrix = try await FaultMatrix.start(settings: settings)
    var outcomes: [FaultOutcome] = []
    var failedRun = false
    for fault in options.faults {
        do {
            let outcome = try await matrix.run(fault)
            say(outcome.summary)
            outcomes.append(outcome)
        } catch {
            say("\(fault): the run itself failed: \(error)")
            failedRun = true
        }
    }
    let keep = options.keepLogs || failedRun || outcomes.contains { !$0.passed }
    await matrix.finish(keepLogs: keep)
    say("")
    say("applied = effects over both consumers (each event once per consumer); duplicates = redeliveries the inbox dropped;")
    say("dead-letter = good events + poison (p); recovery = fault end until the first event committed after it (and all before) was applied everywhere")
    say(FaultOutcome.tableHeader)
    for outcome in outcomes { say(outcome.tableRow + (outcome.passed ? "" : "   FAILED")) }
    if keep { say("logs kept in \(matrix.directory)") }
    exit(failedRun || outcomes.contains { !$0.passed } ? 1 : 0)
} catch {
    FileHandle.standardError.write(Data("fault-bench: \(error)\n".utf8))
    exit(2)
}
