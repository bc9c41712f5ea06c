-- Marketing code batches: a template's codes, generated here or imported from a file. The codes
-- themselves live in the shard databases, sharded by the normalised code.
-- source: GENERATED, IMPORTED. status: GENERATING (the generator is filling it), IMPORTING (a file is
-- being read in), ACTIVE (redeemable within its window), ENDED (its window is over and the units of
-- its unused uses went back to the template).
CREATE TABLE IF NOT EXISTS code_batch (
  id BIGINT NOT NULL PRIMARY KEY,
  template_id BIGINT NOT NULL,
  source VARCHAR(16) NOT NULL,
  status VARCHAR(16) NOT NULL,
  -- Codes asked for (generated) or distinct new codes read (imported).
  quantity BIGINT NOT NULL,
  -- Generated batches: random characters per code, the normalised prefix, and whether a check
  -- character ends each code.
  random_length INT NULL,
  prefix VARCHAR(16) NOT NULL DEFAULT '',
  check_character TINYINT NOT NULL DEFAULT 0,
  uses_per_code INT NOT NULL,
  valid_from DATETIME(3) NOT NULL,
  valid_until DATETIME(3) NOT NULL,
  -- Codes stored, random draws that hit an existing code, and (imports) repeated or refused lines.
  stored_codes BIGINT NOT NULL DEFAULT 0,
  collisions BIGINT NOT NULL DEFAULT 0,
  duplicates BIGINT NOT NULL DEFAULT 0,
  rejected BIGINT NOT NULL DEFAULT 0,
  -- Units taken from the template's guarded counter (codes x uses) and coupons redemptions issued;
  -- redeemed moves once per coupon row, from the CodeRedeemed event written with it.
  reserved BIGINT NOT NULL DEFAULT 0,
  redeemed BIGINT NOT NULL DEFAULT 0,
  -- Units given back to the template when the batch ended: the uses nobody took.
  returned BIGINT NOT NULL DEFAULT 0,
  created_by VARCHAR(64) NOT NULL,
  created_at DATETIME(3) NOT NULL,
  finished_at DATETIME(3) NULL,
  updated_at DATETIME(3) NOT NULL,
  KEY idx_code_batch_status (status),
  KEY idx_code_batch_template_id (template_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
