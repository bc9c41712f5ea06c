-- Directed issuance: a back-office job sends one template's coupon to a list of users.
-- status: PENDING (not started, or waiting for start_at), RUNNING, COMPLETED, FAILED, PAUSED,
-- CANCELLED. The counters are exact: each moves with the state of a target row in the same
-- transaction.
CREATE TABLE IF NOT EXISTS issuance_job (
  id BIGINT NOT NULL PRIMARY KEY,
  template_id BIGINT NOT NULL,
  status VARCHAR(16) NOT NULL,
  -- Distinct valid users; the input's repeated users and rejected lines.
  total BIGINT NOT NULL DEFAULT 0,
  duplicates BIGINT NOT NULL DEFAULT 0,
  rejected BIGINT NOT NULL DEFAULT 0,
  -- Units taken from the template's guarded counter when the job was created (= total), and units
  -- a cancellation gave back (its targets not yet being written).
  reserved BIGINT NOT NULL DEFAULT 0,
  returned BIGINT NOT NULL DEFAULT 0,
  -- Checkpoint of the publisher: every target with seq <= published was sent to the broker.
  published BIGINT NOT NULL DEFAULT 0,
  processed BIGINT NOT NULL DEFAULT 0,
  issued BIGINT NOT NULL DEFAULT 0,
  failed BIGINT NOT NULL DEFAULT 0,
  start_at DATETIME(3) NULL,
  created_by VARCHAR(64) NOT NULL,
  created_at DATETIME(3) NOT NULL,
  started_at DATETIME(3) NULL,
  finished_at DATETIME(3) NULL,
  updated_at DATETIME(3) NOT NULL,
  KEY idx_issuance_job_status (status),
  KEY idx_issuance_job_template_id (template_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A job's users, numbered in input order (repeats dropped by the unique key). state: PENDING, then
-- WRITING once a writer has taken it (a cancellation no longer can), ISSUED once its coupon row
-- exists; CANCELLED when the job was cancelled before a writer took it.
CREATE TABLE IF NOT EXISTS issuance_target (
  job_id BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  state VARCHAR(16) NOT NULL,
  PRIMARY KEY (job_id, seq),
  UNIQUE KEY uk_issuance_target_job_user (job_id, user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Input lines a job refused, with their line number (CSV) or position (JSON) and the reason.
CREATE TABLE IF NOT EXISTS issuance_rejection (
  job_id BIGINT NOT NULL,
  line BIGINT NOT NULL,
  content VARCHAR(128) NOT NULL,
  reason VARCHAR(32) NOT NULL,
  PRIMARY KEY (job_id, line)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
