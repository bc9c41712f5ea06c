-- OLD's phase fence (decision 3): the epoch of the phase, read under a shared lock in every gateway
-- transaction of OLD. The worker raises it before the phase changes in coupon_global, waiting for
-- the writes past it; a write decided under an older epoch is refused and decided again. No row:
-- epoch 0, nothing fenced.
CREATE TABLE IF NOT EXISTS t_coupon_migration_epoch (
  id TINYINT NOT NULL PRIMARY KEY,
  phase VARCHAR(32) NOT NULL,
  epoch BIGINT NOT NULL,
  updated_at DATETIME(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

-- The gateway's journal of the legacy rows it writes, in the write's own transaction, from
-- STATIC_FROZEN on: the single-writer proof explains every change of OLD's coupon tables by it,
-- and any change it cannot explain was made by another writer.
CREATE TABLE IF NOT EXISTS t_coupon_migration_journal (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  table_name VARCHAR(32) NOT NULL,
  row_key VARCHAR(64) NOT NULL,
  epoch BIGINT NOT NULL,
  written_at DATETIME(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
