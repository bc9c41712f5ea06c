-- The local user-tag store: the back office bulk-loads users' tags here; targeted claims read them
-- from the user's own shard. Sharded like user_coupon.
CREATE TABLE IF NOT EXISTS user_tag_${t} (
  user_id BIGINT NOT NULL,
  tag VARCHAR(64) NOT NULL,
  updated_at DATETIME(3) NOT NULL,
  PRIMARY KEY (user_id, tag)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
