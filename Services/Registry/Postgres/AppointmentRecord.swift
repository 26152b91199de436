import Contracts
import Foundation
import RegistryDomain

/// A booking of a slot at an office.
struct AppointmentRecord: Sendable, Equatable {
    var id: UUID
    var office: RegistrationOfficeCode
    var booking: AppointmentBooking
}
