import Contracts

/// What the funeral services recorded for a death say about the body: cremated (火化), buried
/// without cremation, or not known yet.
///
/// Why it matters: the free basic funeral is for people in difficulty "死亡后实行火化" (cremated
/// after death; 《景泰县"十四五"民政事业发展规划》第三章（五）7), so it waits for the cremation and is
/// withdrawn when the body is buried without one.
public enum BodyDisposition: Sendable, Hashable {
    /// Neither a cremation nor a burial is recorded yet.
    case undetermined
    /// A cremation is recorded, on the day of the first one. A burial recorded as well is the
    /// burial of the ashes (骨灰安葬), in whatever order the two were entered.
    case cremated(on: CivilDate)
    /// A burial is recorded and no cremation.
    case buriedWithoutCremation

    /// From the first cremation recorded for the death (if any) and whether a burial is recorded.
    public init(firstCremation: CivilDate?, burialRecorded: Bool) {
        if let firstCremation {
            self = .cremated(on: firstCremation)
        } else {
            self = burialRecorded ? .buriedWithoutCremation : .undetermined
        }
    }
}
