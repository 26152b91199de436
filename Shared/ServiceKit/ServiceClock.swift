import Contracts
import Synchronization

/// Today's date as a service sees it. Production reads the calendar in Asia/Shanghai;
/// tests fix and move it to walk through waiting periods (divorce cooling-off, public notices,
/// payment months) without sleeping.
public final class ServiceClock: Sendable {
    private let fixed = Mutex<CivilDate?>(nil)

    public init(fixed date: CivilDate? = nil) {
        fixed.withLock { $0 = date }
    }

    public func today() -> CivilDate { fixed.withLock { $0 } ?? .today() }

    public func set(_ date: CivilDate) { fixed.withLock { $0 = date } }
}
