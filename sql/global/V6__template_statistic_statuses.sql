-- Per-template counters of every coupon status, kept from CouponClaimed and CouponStatusChanged
-- events. Until now every coupon was UNUSED, so the unused count starts at the issued count.
ALTER TABLE template_statistic
  ADD COLUMN unused_count BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN locked_count BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN used_count BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN expired_count BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN refunded_count BIGINT NOT NULL DEFAULT 0;

UPDATE template_statistic SET unused_count = issued_count;
