import Contracts

/// A divorce by agreement (协议离婚) from application to registration, with the statutory
/// cooling-off period (离婚冷静期).
///
/// Civil Code art. 1077: "自婚姻登记机关收到离婚登记申请之日起三十日内，任何一方不愿意离婚的，可以向婚姻登记机关
/// 撤回离婚登记申请。前款规定期限届满后三十日内，双方应当亲自到婚姻登记机关申请发给离婚证；未申请的，视为撤回离婚登记申请。"
/// Art. 1076 (both parties apply in person with a written agreement), art. 1078 (the office issues
/// the certificate after checking the agreement).
///
/// Counting rule (Civil Code art. 201: "按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算"):
/// for an application received on day D,
/// - the cooling-off period is days D+1 … D+30; either party may withdraw from D itself through D+30;
/// - the registration window is D+31 … D+60, both inclusive: registering before D+31 is refused as
///   `divorce.cooling-off-not-over`, after D+60 as `divorce.registration-window-expired`;
/// - if nobody registers, from D+61 the application counts as withdrawn (`.withdrawn(on: D+61, by: .expired)`).
///
/// The 30 days are calendar days (weekends and holidays inside a period count). Art. 203 moves the
/// last day of a period that falls on a statutory holiday (法定休假日) to the day after the holiday;
/// the Ministry's divorce-registration procedure (民发〔2020〕116号) is reported to apply the same to
/// the cooling-off period. Which days count depends on the State Council's yearly holiday notice and
/// on the office's practice (many offices open on Saturdays), so it is not decided here: the caller
/// passes the office's `closedDays`, and the last day of each period is moved past them. With no
/// closed days given, the plain D+30 / D+60 rule applies.
///
/// Why a value type with `status(on:)`: the store keeps the application and what was recorded
/// (registration or a party's withdrawal); the expiry is derived from the calendar, never from a
/// scheduled job that might not run.
public struct DivorceByAgreement: Sendable, Hashable {
    /// Who withdrew: a party, or nobody because the registration window passed unused.
    public enum Withdrawal: Sendable, Hashable {
        case party(ResidentID)
        /// Art. 1077 para. 2: 未申请的，视为撤回离婚登记申请.
        case expired
    }

    /// Where the application stands on a given day.
    public enum State: Sendable, Hashable {
        /// Within the cooling-off period; either party may withdraw.
        case coolingOff(appliedOn: CivilDate)
        /// Cooling-off over; both parties may come in person to register within `window`.
        case awaitingRegistration(window: ClosedRange<CivilDate>)
        case registered(on: CivilDate)
        case withdrawn(on: CivilDate, by: Withdrawal)
    }

    /// A recorded event that ends the application.
    public enum Outcome: Sendable, Hashable {
        case registered(on: CivilDate)
        case withdrawn(on: CivilDate, by: ResidentID)
    }

    /// Art. 1077 para. 1: 三十日.
    public static let coolingOffDays = 30
    /// Art. 1077 para. 2: 期限届满后三十日内.
    public static let registrationWindowDays = 30

    public let partyA: ResidentID
    public let partyB: ResidentID
    /// The day the office received the application (day D; not itself counted).
    public let appliedOn: CivilDate
    /// The last day on which a party may withdraw (D+30, moved past closed days).
    public let coolingOffLastDay: CivilDate
    /// The days on which the divorce may be registered (D+31 … D+60, end moved past closed days).
    public let registrationWindow: ClosedRange<CivilDate>
    /// The registration or withdrawal, once recorded.
    public private(set) var outcome: Outcome?

    /// Records an application received on `date`. `closedDays` are the office's statutory holidays
    /// (art. 203); a period ending on one ends on the next day that is not closed.
    public static func apply(
        partyA: ResidentID, partyB: ResidentID, on date: CivilDate, closedDays: Set<CivilDate> = []
    ) throws(RuleViolation) -> DivorceByAgreement {
        guard partyA != partyB else {
            throw .invalid("divorce.same-person", "both parties have the same resident ID number")
        }
        let coolingOffLast = Self.nextOpenDay(from: date.adding(days: coolingOffDays), closedDays: closedDays)
        let windowStart = coolingOffLast.adding(days: 1)
        let windowEnd = Self.nextOpenDay(from: coolingOffLast.adding(days: registrationWindowDays), closedDays: closedDays)
        return DivorceByAgreement(
            partyA: partyA, partyB: partyB, appliedOn: date,
            coolingOffLastDay: coolingOffLast, registrationWindow: windowStart...windowEnd, outcome: nil)
    }

    /// Restores an application from storage (the adapter's row), e.g. `outcome` read back.
    public init(
        partyA: ResidentID, partyB: ResidentID, appliedOn: CivilDate, coolingOffLastDay: CivilDate,
        registrationWindow: ClosedRange<CivilDate>, outcome: Outcome?
    ) {
        self.partyA = partyA
        self.partyB = partyB
        self.appliedOn = appliedOn
        self.coolingOffLastDay = coolingOffLastDay
        self.registrationWindow = registrationWindow
        self.outcome = outcome
    }

    /// The first day the application counts as withdrawn for want of registration.
    public var expiresOn: CivilDate { registrationWindow.upperBound.adding(days: 1) }

    /// The state on `today`. A recorded outcome shows from its own date on; before that, and when
    /// nothing is recorded, the calendar decides. Days before ``appliedOn`` read as ``appliedOn``.
    public func status(on today: CivilDate) -> State {
        switch outcome {
        case .registered(let day)? where today >= day:
            return .registered(on: day)
        case .withdrawn(let day, let party)? where today >= day:
            return .withdrawn(on: day, by: .party(party))
        default:
            break
        }
        if today <= coolingOffLastDay { return .coolingOff(appliedOn: appliedOn) }
        if today <= registrationWindow.upperBound { return .awaitingRegistration(window: registrationWindow) }
        return .withdrawn(on: expiresOn, by: .expired)
    }

    /// A party withdraws the application (art. 1077 para. 1): allowed from the application day
    /// through the last day of cooling-off.
    public mutating func withdraw(by party: ResidentID, on date: CivilDate) throws(RuleViolation) {
        try refuseIfEnded()
        try refuseIfBeforeApplication(date)
        guard party == partyA || party == partyB else {
            throw .invalid("divorce.not-a-party", "only one of the two spouses who applied may withdraw")
        }
        switch status(on: date) {
        case .coolingOff:
            outcome = .withdrawn(on: date, by: party)
        case .awaitingRegistration:
            throw RuleViolation(
                "divorce.not-in-cooling-off",
                "the cooling-off period ended on \(coolingOffLastDay.iso); withdrawal is possible only until then (Civil Code art. 1077). Not registering by \(registrationWindow.upperBound.iso) withdraws the application")
        case .withdrawn, .registered:
            throw RuleViolation(
                "divorce.already-withdrawn",
                "the registration window ended on \(registrationWindow.upperBound.iso); the application already counts as withdrawn (Civil Code art. 1077)",
                kind: .conflict)
        }
    }

    /// Both parties appear in person and the divorce is registered (arts. 1077 para. 2, 1078):
    /// allowed only within ``registrationWindow``.
    public mutating func register(on date: CivilDate) throws(RuleViolation) {
        try refuseIfEnded()
        try refuseIfBeforeApplication(date)
        switch status(on: date) {
        case .coolingOff:
            throw RuleViolation(
                "divorce.cooling-off-not-over",
                "the cooling-off period runs until \(coolingOffLastDay.iso); registration is possible from \(registrationWindow.lowerBound.iso) (Civil Code art. 1077)")
        case .awaitingRegistration:
            outcome = .registered(on: date)
        case .withdrawn, .registered:
            throw RuleViolation(
                "divorce.registration-window-expired",
                "the registration window ended on \(registrationWindow.upperBound.iso); the application counts as withdrawn and the parties must apply again (Civil Code art. 1077)")
        }
    }

    private func refuseIfEnded() throws(RuleViolation) {
        switch outcome {
        case .registered(let day)?:
            throw RuleViolation("divorce.already-registered", "the divorce was registered on \(day.iso)", kind: .conflict)
        case .withdrawn(let day, _)?:
            throw RuleViolation("divorce.already-withdrawn", "a party withdrew the application on \(day.iso)", kind: .conflict)
        case nil:
            break
        }
    }

    private func refuseIfBeforeApplication(_ date: CivilDate) throws(RuleViolation) {
        guard date >= appliedOn else {
            throw .invalid("divorce.date-before-application",
                           "\(date.iso) is before the application was received on \(appliedOn.iso)")
        }
    }

    /// `day`, or the first following day not in `closedDays` (art. 203).
    static func nextOpenDay(from day: CivilDate, closedDays: Set<CivilDate>) -> CivilDate {
        var candidate = day
        while closedDays.contains(candidate) { candidate = candidate.adding(days: 1) }
        return candidate
    }
}
