import Contracts
import Foundation
import Hummingbird

/// A marriage with its original certificate's number.
struct MarriageResponse: ResponseEncodable {
    var marriageId: UUID
    var certificateNumber: String
    var office: String
    var partyA: String
    var partyB: String
    var registeredOn: String
    /// `married`, `divorced`, `annulled` or `revoked`.
    var status: String

    init(_ marriage: MarriageRecord) {
        marriageId = marriage.id
        certificateNumber = marriage.certificateNumber
        office = marriage.office
        partyA = marriage.partyA.rawValue
        partyB = marriage.partyB.rawValue
        registeredOn = marriage.registeredOn.iso
        status = marriage.status.rawValue
    }
}

struct MarriageListResponse: ResponseEncodable {
    var items: [MarriageResponse]
}

struct MaritalStatusResponse: ResponseEncodable {
    var personRef: String
    /// `married`, `divorced` (no current marriage, at least one ended by divorce) or `unmarried`.
    var status: String
    var marriageId: UUID?

    init(_ record: MaritalStatusRecord) {
        personRef = record.person.rawValue
        marriageId = record.currentMarriage
        status = record.currentMarriage != nil ? "married" : record.divorced ? "divorced" : "unmarried"
    }
}
