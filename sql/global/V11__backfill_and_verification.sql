-- The backfill (BACKFILL): one plan per entry into the phase, and its ranges, each checkpointed as it
-- goes, so that a worker killed mid-range is replaced and the range resumes after its last
-- checkpoint. kind: USERS (legacy user IDs, from_id exclusive to to_id inclusive), USE_LOG (use-log
-- row IDs, likewise), CODES (the codes, in code order). status: PENDING, RUNNING, DONE.
CREATE TABLE IF NOT EXISTS migration_backfill (
  id TINYINT NOT NULL PRIMARY KEY,
  epoch BIGINT NOT NULL,
  users_total BIGINT NOT NULL,
  started_at DATETIME(3) NOT NULL,
  finished_at DATETIME(3) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS migration_backfill_range (
  id INT NOT NULL PRIMARY KEY,
  kind VARCHAR(16) NOT NULL,
  from_id BIGINT NOT NULL,
  to_id BIGINT NOT NULL,
  cursor_id BIGINT NOT NULL,
  cursor_code VARCHAR(64) NOT NULL,
  status VARCHAR(8) NOT NULL,
  users_copied BIGINT NOT NULL,
  rows_copied BIGINT NOT NULL,
  held_back BIGINT NOT NULL,
  worker VARCHAR(128) NULL,
  lease_until DATETIME(3) NULL,
  updated_at DATETIME(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Verification runs (POST /admin/api/v1/migration/verifications, migrate.sh verify): one RUNNING at a
-- time, executed by the worker under a lease and checkpointed per page (stage and cursor), so a
-- killed worker's run resumes. from_user/to_user NULL: every user, and the codes too.
-- stage: USERS, NEW_USERS, USE_LOG, NEW_USE_LOG, CODES, DONE.
CREATE TABLE IF NOT EXISTS migration_verification (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  from_user BIGINT NULL,
  to_user BIGINT NULL,
  status VARCHAR(8) NOT NULL,
  stage VARCHAR(16) NOT NULL,
  cursor_id BIGINT NOT NULL,
  cursor_code VARCHAR(64) NOT NULL,
  cursor_table INT NOT NULL,
  users_compared BIGINT NOT NULL,
  rows_compared BIGINT NOT NULL,
  missing BIGINT NOT NULL,
  extra BIGINT NOT NULL,
  mismatched BIGINT NOT NULL,
  misplaced BIGINT NOT NULL,
  detail VARCHAR(1024) NULL,
  requested_by VARCHAR(64) NOT NULL,
  requested_at DATETIME(3) NOT NULL,
  finished_at DATETIME(3) NULL,
  worker VARCHAR(128) NULL,
  lease_until DATETIME(3) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A run's confirmed differences, the first 1,000 (the counts are complete).
CREATE TABLE IF NOT EXISTS migration_verification_difference (
  verification_id BIGINT NOT NULL,
  seq INT NOT NULL,
  kind VARCHAR(16) NOT NULL,
  table_name VARCHAR(64) NOT NULL,
  row_key VARCHAR(200) NOT NULL,
  user_id BIGINT NULL,
  PRIMARY KEY (verification_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
