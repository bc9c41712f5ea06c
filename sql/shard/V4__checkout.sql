-- Checkout: the order that holds a coupon (while LOCKED or USED) and when it was used.
ALTER TABLE user_coupon_${t}
  ADD COLUMN order_id VARCHAR(64) NULL,
  ADD COLUMN used_at DATETIME(3) NULL,
  -- The expiry job reads each table's past-due UNUSED coupons in (valid_until, id) order.
  ADD KEY idx_user_coupon_status_valid_until (status, valid_until);

-- One row per order that used a coupon, in the order's user's shard. Every checkout call is a
-- conditional change of this row and the coupon's in one local transaction, which is what makes
-- the calls idempotent by order and lets exactly one of two racing orders win a coupon.
-- status: LOCKED, USED, RELEASED, REFUNDED.
CREATE TABLE IF NOT EXISTS coupon_order_${t} (
  user_id BIGINT NOT NULL,
  order_id VARCHAR(64) NOT NULL,
  coupon_id BIGINT NOT NULL,
  template_id BIGINT NOT NULL,
  status VARCHAR(16) NOT NULL,
  order_amount BIGINT NOT NULL,
  -- Refunds only: whether the coupon went back to the wallet (still valid, template refundable).
  coupon_returned TINYINT NULL,
  locked_at DATETIME(3) NOT NULL,
  lock_expires_at DATETIME(3) NOT NULL,
  updated_at DATETIME(3) NOT NULL,
  PRIMARY KEY (user_id, order_id),
  -- The stale-lock job reads each table's overdue locks.
  KEY idx_coupon_order_status_lock_expires_at (status, lock_expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
