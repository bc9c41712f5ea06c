-- Redemption codes, sharded by the normalised code with the users' routing function (CRC32 of the
-- code's text): the primary key on the code is global uniqueness, since a code has one home table.
CREATE TABLE IF NOT EXISTS redemption_code_${t} (
  code VARCHAR(64) NOT NULL PRIMARY KEY,
  batch_id BIGINT NOT NULL,
  uses_left INT NOT NULL,
  created_at DATETIME(3) NOT NULL,
  -- Export, counting and discarding a batch walk its codes in code order.
  KEY idx_redemption_code_batch_id (batch_id, code)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

-- Who redeemed a code, in the code's table index: one row per code and user (one coupon per user
-- per code), written in the transaction that takes the use; the request ID tells a replay apart.
CREATE TABLE IF NOT EXISTS code_redemption_${t} (
  code VARCHAR(64) NOT NULL,
  user_id BIGINT NOT NULL,
  request_id VARCHAR(64) NOT NULL,
  coupon_id BIGINT NOT NULL,
  redeemed_at DATETIME(3) NOT NULL,
  PRIMARY KEY (code, user_id)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

-- A user's redemption request IDs, in the user's shard: bound to the code they were first sent
-- with before any use is taken, so one request ID can never take uses of two codes.
CREATE TABLE IF NOT EXISTS redemption_request_${t} (
  user_id BIGINT NOT NULL,
  request_id VARCHAR(64) NOT NULL,
  code VARCHAR(64) NOT NULL,
  created_at DATETIME(3) NOT NULL,
  PRIMARY KEY (user_id, request_id)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;
