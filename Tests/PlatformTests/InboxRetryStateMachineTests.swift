import Persistence
import TestKit
import Testing

/// The inbox's retry, dead-letter, pause and resume decisions. No database, no broker.
@Suite("Inbox retry state machine", .tags(.unit))
struct InboxRetryStateMachineTests {
    static let backoff = InboxBackoff(initial: .milliseconds(100), maximum: .seconds(5))
    static let policy = InboxRetryStateMachine.Policy(maxAttempts: 3, handlerBackoff: .milliseconds(200), transientBackoff: backoff)

    @Test("the first transient failure pauses; later ones only wait, with a growing step")
    func transientPausesOnce() {
        var machine = InboxRetryStateMachine(policy: Self.policy)
        #expect(machine.eventFailed(.transient(.connection), jitter: 0) == .retry(after: .milliseconds(50), pause: true))
        #expect(machine.isPaused)
        #expect(machine.eventFailed(.transient(.unavailable), jitter: 0) == .retry(after: .milliseconds(100), pause: false))
        #expect(machine.eventFailed(.transient(.conflict), jitter: 0.5) == .retry(after: .milliseconds(300), pause: false))
        #expect(machine.transientRetries == 3)
        #expect(machine.failedAttempts == 0)
    }

    @Test("transient failures never lead to dead-lettering, however many")
    func transientNeverDeadLetters() {
        var machine = InboxRetryStateMachine(policy: Self.policy)
        for attempt in 1...1_000 {
            let action = machine.eventFailed(.transient(.connection), jitter: 0.5)
            guard case .retry(let delay, let pause) = action else {
                Issue.record("attempt \(attempt): \(action)")
                return
            }
            #expect(pause == (attempt == 1))
            #expect(delay <= .seconds(5))
        }
        #expect(machine.failedAttempts == 0)
    }

    @Test("a handler failure is retried maxAttempts − 1 times, then dead-lettered; outages in between do not count")
    func handlerFailuresAreBounded() {
        var machine = InboxRetryStateMachine(policy: Self.policy)
        #expect(machine.eventFailed(.handlerFailed, jitter: 0) == .retry(after: .milliseconds(200), pause: false))
        #expect(machine.eventFailed(.transient(.connection), jitter: 0) == .retry(after: .milliseconds(50), pause: true))
        #expect(machine.eventFailed(.transient(.connection), jitter: 0) == .retry(after: .milliseconds(100), pause: false))
        #expect(machine.eventFailed(.handlerFailed, jitter: 0) == .retry(after: .milliseconds(400), pause: false))
        #expect(machine.eventFailed(.handlerFailed, jitter: 0) == .deadLetter(attempts: 3))
        #expect(machine.workDone() == .resumeAndProceed)
    }

    @Test("a permanent failure is dead-lettered at once, with the attempts made")
    func permanentDeadLettersAtOnce() {
        var machine = InboxRetryStateMachine(policy: Self.policy)
        #expect(machine.eventFailed(.permanent, jitter: 0) == .deadLetter(attempts: 1))
        var second = InboxRetryStateMachine(policy: Self.policy)
        #expect(second.eventFailed(.handlerFailed, jitter: 0) == .retry(after: .milliseconds(200), pause: false))
        #expect(second.eventFailed(.permanent, jitter: 0) == .deadLetter(attempts: 2))
    }

    @Test("maxAttempts of 1 dead-letters a handler failure at once")
    func singleAttempt() {
        var machine = InboxRetryStateMachine(policy: .init(maxAttempts: 1, handlerBackoff: .zero, transientBackoff: Self.backoff))
        #expect(machine.eventFailed(.handlerFailed, jitter: 0) == .deadLetter(attempts: 1))
    }

    @Test("a batch: transient failures retry the whole batch (pausing once); any other is applied one by one",
          arguments: [InboxFailure.permanent, .handlerFailed])
    func batch(_ failure: InboxFailure) {
        var machine = InboxRetryStateMachine(policy: Self.policy)
        #expect(machine.batchFailed(.transient(.connection), jitter: 0) == .retry(after: .milliseconds(50), pause: true))
        #expect(machine.batchFailed(.transient(.connection), jitter: 0) == .retry(after: .milliseconds(100), pause: false))
        #expect(machine.batchFailed(failure, jitter: 0) == .applyOneByOne)
        // The partitions stay paused until an event of the batch is done.
        machine.nextWork()
        #expect(machine.isPaused)
        #expect(machine.eventFailed(.transient(.connection), jitter: 0) == .retry(after: .milliseconds(50), pause: false))
        #expect(machine.workDone() == .resumeAndProceed)
        #expect(!machine.isPaused)
    }

    @Test("a slow attempt pauses once; a transient failure after it does not pause again; done resumes")
    func overrun() {
        var machine = InboxRetryStateMachine(policy: Self.policy)
        #expect(machine.attemptOverran() == true)
        #expect(machine.attemptOverran() == false)
        #expect(machine.eventFailed(.transient(.connection), jitter: 0) == .retry(after: .milliseconds(50), pause: false))
        #expect(machine.workDone() == .resumeAndProceed)
        #expect(machine.attemptOverran() == true)
    }

    @Test("done: resume only after a pause; counters restart")
    func done() {
        var machine = InboxRetryStateMachine(policy: Self.policy)
        #expect(machine.workDone() == .proceed)
        _ = machine.eventFailed(.handlerFailed, jitter: 0)
        #expect(machine.workDone() == .proceed)
        #expect(machine.failedAttempts == 0)
        _ = machine.eventFailed(.transient(.conflict), jitter: 0)
        #expect(machine.workDone() == .resumeAndProceed)
        #expect(machine.workDone() == .proceed)
        #expect(machine.transientRetries == 0)
        #expect(machine.eventFailed(.transient(.conflict), jitter: 0) == .retry(after: .milliseconds(50), pause: true))
    }
}

@Suite("Inbox backoff", .tags(.unit))
struct InboxBackoffTests {
    @Test("steps double from the initial wait up to the maximum", arguments: [
        (1, Duration.milliseconds(100)), (2, .milliseconds(200)), (3, .milliseconds(400)), (6, .milliseconds(3_200)),
        (7, .seconds(5)), (60, .seconds(5)), (10_000, .seconds(5)), (0, .milliseconds(100)), (-3, .milliseconds(100)),
    ])
    func steps(_ attempt: Int, _ step: Duration) {
        let backoff = InboxBackoff(initial: .milliseconds(100), maximum: .seconds(5))
        #expect(backoff.step(attempt: attempt) == step)
    }

    @Test("jitter keeps between half and all of the step", arguments: [0.0, 0.25, 0.5, 0.999, -1, 7])
    func jitter(_ jitter: Double) {
        let backoff = InboxBackoff(initial: .milliseconds(100), maximum: .seconds(5))
        let delay = backoff.delay(attempt: 3, jitter: jitter)
        #expect(delay >= .milliseconds(200))
        #expect(delay <= .milliseconds(400))
    }

    @Test("a maximum below the initial wait and a multiplier below 1 are corrected")
    func corrected() {
        let backoff = InboxBackoff(initial: .seconds(1), maximum: .milliseconds(10), multiplier: 0)
        #expect(backoff.maximum == .seconds(1))
        #expect(backoff.multiplier == 1)
        #expect(backoff.step(attempt: 5) == .seconds(1))
    }
}
