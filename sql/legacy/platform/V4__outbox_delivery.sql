-- OLD's outbox keeps a change until the applier has written it into NEW (not only until the relay
-- sent it), so that the rows left are exactly the changes not yet applied: the console's pending
-- count and lag, and what a cutover drains. sent_at: when the relay last handed it to the broker
-- (NULL: never); a change sent long ago and still here is sent again. The relay reads the changes
-- by (sent_at, id); a cutover drains one user's by uid.
ALTER TABLE t_coupon_migration_outbox
  ADD COLUMN sent_at DATETIME(3) NULL,
  ADD KEY idx_t_coupon_migration_outbox_sent_at (sent_at, id),
  ADD KEY idx_t_coupon_migration_outbox_uid (uid);
