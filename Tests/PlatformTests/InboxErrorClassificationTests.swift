import Contracts
import PostgresNIO
import TestKit
import Testing
@testable import Persistence

/// Which failures the inbox waits out and which it dead-letters. No database, no broker.
@Suite("Inbox error classification", .tags(.unit))
struct InboxErrorClassificationTests {
    @Test("SQLSTATE classes 08, 53 and 57P and codes 40001/40P01 are transient", arguments: [
        ("08000", InboxFailure.transient(.connection)), ("08003", .transient(.connection)),
        ("08006", .transient(.connection)), ("08001", .transient(.connection)), ("08P01", .transient(.connection)),
        ("53000", .transient(.unavailable)), ("53100", .transient(.unavailable)), ("53200", .transient(.unavailable)),
        ("53300", .transient(.unavailable)), ("53400", .transient(.unavailable)),
        ("57P01", .transient(.unavailable)), ("57P02", .transient(.unavailable)), ("57P03", .transient(.unavailable)),
        ("57P04", .transient(.unavailable)), ("57P05", .transient(.unavailable)),
        ("40001", .transient(.conflict)), ("40P01", .transient(.conflict)),
    ])
    func transientSQLStates(_ sqlState: String, _ expected: InboxFailure) {
        #expect(InboxErrorClassification.classify(sqlState: sqlState) == expected)
        #expect(InboxErrorClassification.classify(psqlCode: .server, sqlState: sqlState) == expected)
    }

    @Test("other SQLSTATEs are the handler's failures", arguments: [
        "23505", "23503", "22P02", "42P01", "42703", "57014", "40002", "40003", "25006", "55P03", "XX000", "",
    ])
    func otherSQLStates(_ sqlState: String) {
        #expect(InboxErrorClassification.classify(sqlState: sqlState) == .handlerFailed)
        #expect(InboxErrorClassification.classify(psqlCode: .server, sqlState: sqlState) == .handlerFailed)
    }

    @Test("a server error without SQLSTATE is the handler's failure")
    func serverWithoutState() {
        #expect(InboxErrorClassification.classify(psqlCode: .server, sqlState: nil) == .handlerFailed)
    }

    @Test("postgres-nio connection codes are transient", arguments: [
        PSQLError.Code.serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown, .poolClosed,
        .queryCancelled, .sslUnsupported, .failedToAddSSLHandler, .receivedUnencryptedDataAfterSSLRequest,
        .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError,
    ])
    func connectionCodes(_ code: PSQLError.Code) {
        #expect(InboxErrorClassification.classify(psqlCode: code, sqlState: nil) == .transient(.connection))
    }

    @Test("postgres-nio statement codes are the handler's failures", arguments: [
        PSQLError.Code.messageDecodingFailure, .unexpectedBackendMessage, .invalidCommandTag, .tooManyParameters,
        .listenFailed, .unlistenFailed,
    ])
    func statementCodes(_ code: PSQLError.Code) {
        #expect(InboxErrorClassification.classify(psqlCode: code, sqlState: nil) == .handlerFailed)
    }

    @Test("NIO channel and socket errors, pool errors and cancellation are transient")
    func transportErrors() {
        let errors: [any Error] = [
            ChannelError.ioOnClosedChannel, ChannelError.eof, ChannelError.alreadyClosed,
            ChannelError.connectTimeout(.seconds(1)),
            IOError(errnoCode: 111, reason: "connect"),  // ECONNREFUSED
            EventLoopError.shutdown,
            ConnectionPoolError(),
            CancellationError(),
        ]
        for error in errors {
            #expect(InboxErrorClassification.classify(error) == .transient(.connection), "\(error)")
        }
    }

    /// Stands in for postgres-nio's pool error, which lives in a module this package does not import.
    struct ConnectionPoolError: Error {}

    struct SchemaBroken: PermanentEventError {}
    struct HandlerBug: Error {}

    @Test("decode failures and PermanentEventError are permanent")
    func permanent() {
        #expect(InboxErrorClassification.classify(CloudEventError.invalidData(type: "t", reason: "r")) == .permanent)
        #expect(InboxErrorClassification.classify(CloudEventError.typeMismatch(expected: "a", actual: "b")) == .permanent)
        #expect(InboxErrorClassification.classify(SchemaBroken()) == .permanent)
    }

    @Test("a handler's own errors, rule violations included, are retried a bounded number of times")
    func handlerErrors() {
        #expect(InboxErrorClassification.classify(HandlerBug()) == .handlerFailed)
        #expect(InboxErrorClassification.classify(RuleViolation("x.refused", "no")) == .handlerFailed)
    }

    @Test("a transaction: a permanent body stays permanent; otherwise any transient part makes it transient")
    func transactionParts() {
        let lost: any Error = ChannelError.ioOnClosedChannel
        typealias C = InboxErrorClassification
        #expect(C.classify(body: SchemaBroken(), others: [nil, nil, lost]) == .permanent)
        #expect(C.classify(body: HandlerBug(), others: [nil, nil, lost]) == .transient(.connection))
        #expect(C.classify(body: nil, others: [lost, nil, nil]) == .transient(.connection))
        #expect(C.classify(body: nil, others: [nil, lost, nil]) == .transient(.connection))
        #expect(C.classify(body: HandlerBug(), others: [nil, nil, nil]) == .handlerFailed)
        #expect(C.classify(body: nil, others: [nil, nil, nil]) == .handlerFailed)
        #expect(C.classify(body: CancellationError(), others: [nil, nil, HandlerBug()]) == .transient(.connection))
    }
}
