-- The phase machine (MIGRATION.md, operator contract; decisions 3-5). migration_state keeps the
-- phase and epoch every process acts on, and now names the transition running, if any: one at a
-- time, recorded by the admin API or the CLI and executed by the worker.
-- began_at is when the migration began: the back office has been frozen since.
ALTER TABLE migration_state ADD COLUMN transition_id BIGINT NULL, ADD COLUMN began_at DATETIME(3) NULL;
UPDATE migration_state SET began_at = entered_at WHERE began_at IS NULL;

-- Every transition requested, with the precondition report it was decided on. The worker holds
-- a running one under a lease, so that a worker killed mid-transition is replaced and the work,
-- idempotent, is run again to its end.
CREATE TABLE IF NOT EXISTS migration_transition (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  from_phase VARCHAR(32) NOT NULL,
  to_phase VARCHAR(32) NOT NULL,
  from_epoch BIGINT NOT NULL,
  status VARCHAR(8) NOT NULL,
  requested_by VARCHAR(64) NOT NULL,
  requested_at DATETIME(3) NOT NULL,
  finished_at DATETIME(3) NULL,
  preconditions TEXT NULL,
  detail VARCHAR(1024) NULL,
  worker VARCHAR(128) NULL,
  lease_until DATETIME(3) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Each phase change, in order: the console's history.
CREATE TABLE IF NOT EXISTS migration_history (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  from_phase VARCHAR(32) NOT NULL,
  to_phase VARCHAR(32) NOT NULL,
  epoch BIGINT NOT NULL,
  at DATETIME(3) NOT NULL,
  by_name VARCHAR(64) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Every live api, admin and worker process: the epoch it acts on, and its heartbeat (the
-- database's clock). A transition is done when every process whose heartbeat is within the
-- lease acknowledges the new epoch.
CREATE TABLE IF NOT EXISTS migration_process (
  process_id VARCHAR(128) NOT NULL PRIMARY KEY,
  kind VARCHAR(64) NOT NULL,
  epoch BIGINT NOT NULL,
  started_at DATETIME(3) NOT NULL,
  heartbeat_at DATETIME(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The static data's per-row hashes recorded at the freeze (decision 5), re-checked at every later
-- boundary so that a change is named by its table and key.
CREATE TABLE IF NOT EXISTS migration_static_checksum (
  table_name VARCHAR(64) NOT NULL,
  row_key VARCHAR(128) NOT NULL,
  row_hash CHAR(64) NOT NULL,
  PRIMARY KEY (table_name, row_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The static copy (STATIC_COPIED): what only the legacy model has, kept beside NEW's copies so that
-- each maps back to its canonical legacy row (decision 9), and so that the copy's rollback knows
-- what it wrote. A template: soft-deleted (status 9) or offline, a per-user limit of 0, the scope
-- type, the scope rows the scope type does not read (JSON).
CREATE TABLE IF NOT EXISTS migration_template_legacy (
  template_id BIGINT NOT NULL PRIMARY KEY,
  deleted TINYINT NOT NULL,
  per_user_limit_unset TINYINT NOT NULL,
  scope_type TINYINT NOT NULL,
  ignored_scope_refs TEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Each legacy (batch_no, tpl_id) and the IMPORTED code batch it became (decision 6).
CREATE TABLE IF NOT EXISTS migration_code_batch (
  batch_id BIGINT NOT NULL PRIMARY KEY,
  batch_no VARCHAR(32) NOT NULL,
  tpl_id BIGINT NOT NULL,
  UNIQUE KEY uk_migration_code_batch_legacy (batch_no, tpl_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Each legacy code as typed, the normalised code NEW stores, and whether it was imported void (a
-- later code that normalises like an earlier one).
CREATE TABLE IF NOT EXISTS migration_code_legacy (
  code_as_typed VARCHAR(64) NOT NULL PRIMARY KEY,
  code VARCHAR(64) NOT NULL,
  batch_id BIGINT NOT NULL,
  void TINYINT NOT NULL,
  KEY idx_migration_code_legacy_batch (batch_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The static copy's comparison, per legacy table: rows in OLD, their copies in NEW, whether every
-- per-row canonical hash is equal, and what differs (for the console).
CREATE TABLE IF NOT EXISTS migration_static_copy (
  table_name VARCHAR(64) NOT NULL PRIMARY KEY,
  old_rows BIGINT NOT NULL,
  new_rows BIGINT NOT NULL,
  equal TINYINT NOT NULL,
  detail VARCHAR(2000) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
