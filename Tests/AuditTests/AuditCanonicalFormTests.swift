@testable import Audit
import Foundation
import TestKit
import Testing

@Suite("The audit row's canonical text", .tags(.unit))
struct AuditCanonicalFormTests {
    @Test("has the documented layout: length-prefixed texts, count-prefixed lists, integer microseconds")
    func layout() {
        let entry = AuditEntry(subject: "张三", roles: ["intake", "reviewer"], tokenRegion: "620423", requestID: "r-1",
                               method: "GET", route: "/cases/{id}", status: 200, personRefs: [], recordIDs: ["c:1"])
        let text = AuditCanonicalForm.text(sequence: 17, atMicroseconds: 1_767_225_600_000_001, entry: entry)
        #expect(text == """
            civil-audit-v1
            17
            1767225600000001
            6:张三
            2
            6:intake
            8:reviewer
            6:620423
            3:r-1
            3:GET
            11:/cases/{id}
            200
            0
            1
            3:c:1

            """)
    }

    @Test("no choice of field values lets two different rows share a text")
    func unambiguous() {
        // Each pair would collide under plain concatenation or a separator the values may contain.
        let base = AuditDatabase.entry(1)
        var shifted = base
        shifted.subject = base.subject + "\n2\n6:intake"
        shifted.roles = ["reviewer"]
        var moved = base
        moved.personRefs = ["a", "b"]
        var merged = base
        merged.personRefs = ["a\n1:b"]
        let texts = [base, shifted, moved, merged].map {
            AuditCanonicalForm.text(sequence: 1, atMicroseconds: 0, entry: $0)
        }
        #expect(Set(texts).count == 4)
        var fromLists = base
        fromLists.personRefs = ["x"]
        fromLists.recordIDs = []
        var toLists = base
        toLists.personRefs = []
        toLists.recordIDs = ["x"]
        #expect(AuditCanonicalForm.text(sequence: 1, atMicroseconds: 0, entry: fromLists)
                != AuditCanonicalForm.text(sequence: 1, atMicroseconds: 0, entry: toLists))
    }

    @Test("the hash covers the previous hash")
    func chained() {
        let entry = AuditDatabase.entry(1)
        let first = AuditCanonicalForm.hash(previous: AuditCanonicalForm.genesisHash, sequence: 1, atMicroseconds: 5, entry: entry)
        let other = AuditCanonicalForm.hash(previous: Data(repeating: 1, count: 32), sequence: 1, atMicroseconds: 5, entry: entry)
        #expect(first.count == 32)
        #expect(first != other)
    }
}
