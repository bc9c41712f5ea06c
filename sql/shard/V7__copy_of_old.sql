-- NEW's copy of OLD's dynamic rows (MIGRATION.md, DUAL_WRITE and BACKFILL): what the applier and the
-- backfill write into the user's shard while OLD is authoritative, and what the verifier maps back.

-- The mirror of t_coupon_use_log, row for row, with the legacy IDs (decision 7): an order's action on
-- a coupon, the discount in minor units. action: LOCKED, CONSUMED, RELEASED, REFUNDED.
CREATE TABLE IF NOT EXISTS coupon_usage_${t} (
  id BIGINT NOT NULL PRIMARY KEY,
  user_id BIGINT NOT NULL,
  coupon_id BIGINT NOT NULL,
  order_id VARCHAR(64) NOT NULL,
  action VARCHAR(16) NOT NULL,
  amount BIGINT NOT NULL,
  created_at DATETIME(3) NOT NULL,
  KEY idx_coupon_usage_user_id_id (user_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- What only the legacy model has of a copied coupon (decision 9), so that NEW's row maps back to the
-- legacy row exactly: the code as the user typed it, and whether expire_time was NULL.
CREATE TABLE IF NOT EXISTS legacy_coupon_${t} (
  coupon_id BIGINT NOT NULL PRIMARY KEY,
  user_id BIGINT NOT NULL,
  code_as_typed VARCHAR(24) NULL,
  expire_time_unset TINYINT NOT NULL,
  KEY idx_legacy_coupon_user_id (user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One row per user whose rows have been copied from OLD: the per-user lock the applier and the
-- backfill both take (SELECT ... FOR UPDATE in the transaction that writes the user's copy, so a
-- holder that died holds nothing and wrote nothing), and the epoch of the copy.
CREATE TABLE IF NOT EXISTS migration_user_copy_${t} (
  user_id BIGINT NOT NULL PRIMARY KEY,
  epoch BIGINT NOT NULL,
  rows_copied BIGINT NOT NULL,
  copied_at DATETIME(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

-- A legacy order lock's discount, as its freeze logged it (NULL for the platform's own orders), and
-- a copied redemption request's coupon: both part of the legacy replay rows the verifier compares.
ALTER TABLE coupon_order_${t} ADD COLUMN discount BIGINT NULL;
ALTER TABLE redemption_request_${t} ADD COLUMN coupon_id BIGINT NULL;
