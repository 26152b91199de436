import Contracts
import Synchronization

/// Today's date as the Registry sees it. Production reads the calendar in
/// Asia/Shanghai; tests move it to walk through the divorce windows.
final class RegistryClock: Sendable {
    private let fixed = Mutex<CivilDate?>(nil)

    init(fixed date: CivilDate? = nil) {
        fixed.withLock { $0 = date }
    }

    func today() -> CivilDate { fixed.withLock { $0 } ?? .today() }

    func set(_ date: CivilDate) { fixed.withLock { $0 = date } }
}
