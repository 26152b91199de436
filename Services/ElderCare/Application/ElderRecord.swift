import Contracts
import ElderCareDomain
import Foundation

/// One person in the elder register (老年人信息台账), as ElderCare keeps them: the personal data a
/// visitor needs (name, address, phone, contacts — only in this service's database, every read
/// audited), the resident ID the birth date and age come from, where they live and whether they
/// are alive.
struct ElderRecord: Sendable, Hashable {
    enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case active
        /// The Registry recorded the death (`death-recorded`); an annulment makes the record active again.
        case deceased
    }

    let person: PersonRef
    let residentID: ResidentID
    var name: String
    var address: String
    var phone: String?
    var contacts: [ElderContact]
    /// Where the person lives: a township (9 digits) or a county (6).
    var region: RegionCode
    let registeredOn: CivilDate
    var status: Status
    var dateOfDeath: CivilDate?
    var deathRecordID: UUID?
    var disabilityGrade: DisabilityCertificateGrade?
    var capability: CapabilityLevel?

    var birthDate: CivilDate { residentID.birthDate }

    func age(on date: CivilDate) -> Int { residentID.age(on: date) }
}

/// Someone to call about the person (紧急联系人, a child, a neighbour): personal data, kept and
/// returned only with the record.
struct ElderContact: Sendable, Hashable, Codable {
    var name: String
    /// How they relate to the person (son, daughter, neighbour, village cadre), as told.
    var relation: String?
    var phone: String
}
