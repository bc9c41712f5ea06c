-- The platform's own tables in the legacy database. They are the only tables it ever adds there
-- (all named t_coupon_migration_...), versioned apart from the legacy tables, which it never
-- alters; their history is t_coupon_migration_schema_history.

-- The per-user fence on OLD's side (MIGRATION.md decision 3): read in every gateway write's own
-- transaction, so that a write decided under an older epoch, or for a user whose side is NEW,
-- is refused. No row means the user is on OLD at epoch 0.
CREATE TABLE IF NOT EXISTS t_coupon_migration_user (
  uid BIGINT NOT NULL PRIMARY KEY,
  side VARCHAR(3) NOT NULL,
  epoch BIGINT NOT NULL,
  updated_at DATETIME(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

-- Claim replay on OLD, which has no request IDs of its own: one row per (user, request ID), with
-- the coupons it issued (decision 8: moved with the user's coupons in both directions).
CREATE TABLE IF NOT EXISTS t_coupon_migration_claim_request (
  uid BIGINT NOT NULL,
  request_id VARCHAR(64) NOT NULL,
  tpl_id INT NOT NULL,
  user_coupon_id BIGINT NULL,
  created_at DATETIME(3) NOT NULL,
  PRIMARY KEY (uid, request_id, tpl_id)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

-- Redemption replay on OLD: a request ID stays bound to the code it was first used with.
CREATE TABLE IF NOT EXISTS t_coupon_migration_redemption_request (
  uid BIGINT NOT NULL,
  request_id VARCHAR(64) NOT NULL,
  code VARCHAR(64) NOT NULL,
  user_coupon_id BIGINT NULL,
  created_at DATETIME(3) NOT NULL,
  PRIMARY KEY (uid, request_id)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

-- OLD's outbox (invariant 4): from DUAL_WRITE on, every gateway change of OLD writes its change
-- here in the same local transaction; the relay sends it to NEW and deletes it.
CREATE TABLE IF NOT EXISTS t_coupon_migration_outbox (
  id BIGINT NOT NULL PRIMARY KEY,
  uid BIGINT NOT NULL,
  epoch BIGINT NOT NULL,
  change_type VARCHAR(32) NOT NULL,
  payload TEXT NOT NULL,
  created_at DATETIME(3) NOT NULL,
  KEY idx_t_coupon_migration_outbox_created_at (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
