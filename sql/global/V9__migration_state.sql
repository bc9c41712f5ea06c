-- The migration as every process sees it (MIGRATION.md decision 3): no row in phase NONE, one row
-- from the moment a process first starts with a legacy database. It names that database, so a
-- process configured for another one, or for none, refuses to start while the migration is
-- underway. The phase machine (Migration 4) moves phase and epoch; until then the phase is LEGACY.
CREATE TABLE IF NOT EXISTS migration_state (
  id TINYINT NOT NULL PRIMARY KEY,
  phase VARCHAR(32) NOT NULL,
  epoch BIGINT NOT NULL,
  legacy_database VARCHAR(64) NOT NULL,
  entered_at DATETIME(3) NOT NULL,
  entered_by VARCHAR(64) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
