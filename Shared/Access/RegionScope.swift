import Contracts

/// Region scope: a token for region T may read or change a record of region R only if R lies
/// within T (a township officer her township, a county approver his county, a city official the
/// city).
///
/// GB/T 2260 with the NBS extensions: a city (prefecture) is its 4-digit prefix (`6204`, written
/// `620400`), a county 6 digits (`620423`), a township 9 (`620423100`). A record whose region is
/// coarser than the token's (a county-level record for a township token) is outside: the township
/// officer cannot see what belongs to the whole county. The record's region is the one recorded
/// now: a household that moved is judged by where it lives, not where it applied.
public enum RegionScope {
    /// Whether a record of `record` lies within a token of region `token`.
    public static func permits(token: RegionCode, record: RegionCode) -> Bool {
        token.contains(record)
    }

    /// Refuses with `auth.outside-region` (403) unless the record lies within the principal's region.
    public static func check(_ principal: Principal, record: RegionCode) throws(RuleViolation) {
        guard permits(token: principal.region, record: record) else {
            throw AccessRefusal.outsideRegion(token: principal.region, record: record)
        }
    }
}
