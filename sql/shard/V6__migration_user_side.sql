-- The per-user write fence (MIGRATION.md decision 3): which side is authoritative for the user and
-- the epoch it became so. While a migration is configured every write of the user's coupons reads
-- the row in its own transaction, under a shared lock that a cutover's update of the row waits for,
-- and is refused when it was decided for the other side or under an older epoch. In phase NONE the
-- table is never read. No row: the side the phase gives every user who has not been cut over.
CREATE TABLE IF NOT EXISTS migration_user_side_${t} (
  user_id BIGINT NOT NULL PRIMARY KEY,
  side VARCHAR(3) NOT NULL,
  epoch BIGINT NOT NULL,
  updated_at DATETIME(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=ascii;
