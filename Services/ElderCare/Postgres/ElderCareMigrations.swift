import LifeEvents
import Persistence
import RosterStore

/// The ElderCare schema, after the life-event journal's (scope `journal`) and the shared roster's
/// (scope `roster`, which pays the advanced-age allowance). Its own versions start at 3, as
/// Assistance's do: versions 1–2 were the journal's before the journal had a scope of its own.
///
/// People are person refs everywhere except in the elder register's personal-data columns, which
/// only roles that visit or decide read (audited).
enum ElderCareMigrations {
    static let all: [Migration] = LifeEventJournal.migrations + RosterMigrations.all + ElderRegisterMigrations.all
        + PlacementMigrations.all
        + AllowanceMigrations.all
}
