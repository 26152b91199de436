import Contracts
import Foundation

/// One funeral service performed for a recorded death (遗体接运, 暂存, 火化, 骨灰存放, 安葬).
/// Pure rules: the service is one of the five, it is not dated before the death, a cremation
/// carries its certificate number and a burial its cemetery plot.
public enum FuneralServiceRecord: Equatable, Sendable {
    case transport
    case storage
    case cremation(certificate: String)
    case ashStorage
    case burial(plot: String)

    public static func validate(
        service: String, performedOn: CivilDate, dateOfDeath: CivilDate, cremationCertificate: String?, cemeteryPlot: String?
    ) throws(RuleViolation) -> FuneralServiceRecord {
        let record: FuneralServiceRecord
        switch service {
        case "transport": record = .transport
        case "storage": record = .storage
        case "ash-storage": record = .ashStorage
        case "cremation":
            guard let certificate = cremationCertificate?.trimmingCharacters(in: .whitespaces), !certificate.isEmpty else {
                throw .invalid("funeral.cremation-certificate-missing", "a cremation needs its certificate number")
            }
            record = .cremation(certificate: certificate)
        case "burial":
            guard let plot = cemeteryPlot?.trimmingCharacters(in: .whitespaces), !plot.isEmpty else {
                throw .invalid("funeral.cemetery-plot-missing", "a burial needs its cemetery plot")
            }
            record = .burial(plot: plot)
        default:
            throw .invalid("funeral.unknown-service", "service must be transport, storage, cremation, ash-storage or burial")
        }
        guard performedOn >= dateOfDeath else {
            throw .invalid("funeral.before-death", "performedOn \(performedOn.iso) is before the date of death \(dateOfDeath.iso)")
        }
        return record
    }
}
