import Roster

/// What a case owes for each month: the shared roster's ``PaymentTerms`` (period, amount
/// schedule, suspension), which every allowance of the suite is paid by.
public typealias CaseTerms = PaymentTerms
