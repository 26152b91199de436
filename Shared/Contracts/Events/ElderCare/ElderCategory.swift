/// A key category of the elder register (重点老年人类别), as ElderCare's events name it; the
/// same raw values as ElderCareDomain's `KeyCategory`, which holds the rules.
public enum ElderCategory: String, Codable, Sendable, CaseIterable {
    case livingAlone = "living-alone"
    case disabled
    case severelyDisabled = "severely-disabled"
    case emptyNest = "empty-nest"
    case leftBehind = "left-behind"
    case advancedAge = "advanced-age"
    case extremePoverty = "extreme-poverty"
    case specialFamily = "special-family"
    case dementia
    case economicHardship = "economic-hardship"
}
