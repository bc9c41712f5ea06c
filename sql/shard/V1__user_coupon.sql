-- A user's coupons, M physical tables per shard database; the template's rule fields are copied in
-- so that the wallet and checkout never join the global database.
CREATE TABLE IF NOT EXISTS user_coupon_${t} (
  id BIGINT NOT NULL PRIMARY KEY,
  user_id BIGINT NOT NULL,
  template_id BIGINT NOT NULL,
  status VARCHAR(16) NOT NULL,
  type VARCHAR(16) NOT NULL,
  discount_amount BIGINT NULL,
  threshold_amount BIGINT NULL,
  percent_off INT NULL,
  max_discount_amount BIGINT NULL,
  valid_from DATETIME(3) NOT NULL,
  valid_until DATETIME(3) NOT NULL,
  claimed_at DATETIME(3) NOT NULL,
  -- How the coupon came to the user (CLAIM, ISSUANCE, REDEMPTION, MIGRATION) and the key of that
  -- act (request ID, job ID, code): the unique key makes every issuing path idempotent.
  origin VARCHAR(16) NOT NULL,
  origin_ref VARCHAR(64) NOT NULL,
  -- For claims only: 1..perUserLimit. The unique key makes a per-user limit impossible to exceed.
  claim_slot INT NULL,
  version INT NOT NULL DEFAULT 0,
  updated_at DATETIME(3) NOT NULL,
  UNIQUE KEY uk_user_coupon_origin (user_id, origin, origin_ref, template_id),
  UNIQUE KEY uk_user_coupon_claim_slot (user_id, template_id, claim_slot),
  KEY idx_user_coupon_user_id_id (user_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Transactional outbox: events written in the same local transaction as the rows they describe, one
-- table per shard database; the relay publishes them to RocketMQ and deletes them.
CREATE TABLE IF NOT EXISTS outbox_event (
  id BIGINT NOT NULL PRIMARY KEY,
  user_id BIGINT NOT NULL,
  topic VARCHAR(96) NOT NULL,
  event_type VARCHAR(64) NOT NULL,
  message_key VARCHAR(64) NOT NULL,
  payload TEXT NOT NULL,
  created_at DATETIME(3) NOT NULL,
  KEY idx_outbox_event_created_at (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
