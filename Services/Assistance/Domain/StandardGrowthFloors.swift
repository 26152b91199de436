import Contracts

/// The least yearly growth each figure of a standard should show, per urban/rural area, in per
/// mille of the figure in force the year before. Falling short is flagged, not refused: the
/// floors are targets a county sets itself, and a standard below one still has to be paid.
///
/// Defaults are seed 001's: "城乡低保、城市特困人员供养标准提高不低于10%,农村特困人员供养标准提高不低于15%、
/// 照料护理标准提高不低于10%" (济民发〔2022〕3号《2022年全市民政工作要点》第5项, seed 001 lines 20 and 84).
/// A floor of 0 flags only a decrease.
public struct StandardGrowthFloors: Sendable, Hashable {
    private var permille: [Key: Int]

    private struct Key: Hashable {
        let figure: StandardFigure
        let area: UrbanRural
    }

    /// Seed 001's floors: 10 % for 低保 and care in both areas and urban 特困, 15 % for rural 特困.
    public static let seed001 = StandardGrowthFloors(known: [
        .minimumLivingAllowance: [.urban: 100, .rural: 100],
        .extremePovertyBasic: [.urban: 100, .rural: 150],
        .extremePovertyCare: [.urban: 100, .rural: 100],
    ])

    /// No floor at all: nothing is flagged.
    public static let none = StandardGrowthFloors(known: [:])

    /// Floors in per mille by figure and area; a figure or area left out has no floor. Refuses a
    /// negative floor (`policy.ratio-invalid`).
    public init(permille floors: [StandardFigure: [UrbanRural: Int]]) throws(RuleViolation) {
        var permille: [Key: Int] = [:]
        for (figure, byArea) in floors {
            for (area, value) in byArea {
                guard value >= 0 else {
                    throw RuleViolation.invalid("policy.ratio-invalid", "the growth floor of \(figure.rawValue) (\(area.rawValue)) is negative: \(value) ‰")
                }
                permille[Key(figure: figure, area: area)] = value
            }
        }
        self.permille = permille
    }

    /// For the constants above, known to be non-negative.
    private init(known floors: [StandardFigure: [UrbanRural: Int]]) {
        permille = [:]
        for (figure, byArea) in floors {
            for (area, value) in byArea { permille[Key(figure: figure, area: area)] = value }
        }
    }

    /// The floor of `figure` in `area`, in per mille; nil when none is set.
    public func floor(of figure: StandardFigure, in area: UrbanRural) -> Int? {
        permille[Key(figure: figure, area: area)]
    }
}
