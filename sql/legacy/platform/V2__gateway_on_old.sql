-- Claim replay keeps single claims and batch claims apart, as NEW's origin key does: a request ID
-- used for a single claim and the same ID used for a batch are two requests.
ALTER TABLE t_coupon_migration_claim_request
  ADD COLUMN origin VARCHAR(16) NOT NULL DEFAULT 'CLAIM' AFTER request_id,
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (uid, origin, request_id, tpl_id);

-- One row per user who has written through the gateway on OLD, locked (INSERT ... ON DUPLICATE KEY
-- UPDATE) first in every such write, so that one user's gateway writes on OLD run one at a time:
-- OLD has no unique key that could hold the per-user claim limit, so it is counted under this lock.
-- Kept apart from the fence (t_coupon_migration_user), whose rows only a cutover writes.
CREATE TABLE IF NOT EXISTS t_coupon_migration_user_lock (
  uid BIGINT NOT NULL PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

-- The orders the platform locked coupons for on OLD, as NEW's coupon_order holds them: the replay
-- record of every checkout call (decision 8), the discount the freeze logged (the use and the
-- refund log the same), and when the lock is due for the stale-lock sweep. Times in UTC.
-- status: LOCKED, USED, RELEASED, REFUNDED.
CREATE TABLE IF NOT EXISTS t_coupon_migration_order (
  uid BIGINT NOT NULL,
  order_no VARCHAR(32) NOT NULL,
  user_coupon_id BIGINT NOT NULL,
  tpl_id INT NOT NULL,
  status VARCHAR(16) NOT NULL,
  order_amount BIGINT NOT NULL,
  discount BIGINT NOT NULL,
  coupon_returned TINYINT NULL,
  locked_at DATETIME(3) NOT NULL,
  lock_expires_at DATETIME(3) NOT NULL,
  updated_at DATETIME(3) NOT NULL,
  PRIMARY KEY (uid, order_no),
  KEY idx_t_coupon_migration_order_due (status, lock_expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;
