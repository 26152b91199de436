import Contracts

/// The one mapping between the register's categories and the contract's: ElderCare's events carry
/// `ElderCategory`, and its names are the register's too (the tables store them, the API sends
/// them). Both switches are exhaustive, so a category added on either side does not compile until
/// it is mapped here (`KeyCategoryTests` checks the round trip).
extension KeyCategory {
    /// The contract's name: `"living-alone"`, `"economic-hardship"`, ….
    public var rawValue: String { contract.rawValue }

    public init?(rawValue: String) {
        guard let category = ElderCategory(rawValue: rawValue) else { return nil }
        self.init(category)
    }

    /// The category as ElderCare's events name it.
    public var contract: ElderCategory {
        switch self {
        case .livingAlone: .livingAlone
        case .disabled: .disabled
        case .severelyDisabled: .severelyDisabled
        case .emptyNest: .emptyNest
        case .leftBehind: .leftBehind
        case .advancedAge: .advancedAge
        case .extremePoverty: .extremePoverty
        case .specialFamily: .specialFamily
        case .dementia: .dementia
        case .economicHardship: .economicHardship
        }
    }

    /// The register's category an event names.
    public init(_ category: ElderCategory) {
        switch category {
        case .livingAlone: self = .livingAlone
        case .disabled: self = .disabled
        case .severelyDisabled: self = .severelyDisabled
        case .emptyNest: self = .emptyNest
        case .leftBehind: self = .leftBehind
        case .advancedAge: self = .advancedAge
        case .extremePoverty: self = .extremePoverty
        case .specialFamily: self = .specialFamily
        case .dementia: self = .dementia
        case .economicHardship: self = .economicHardship
        }
    }
}
