-- The sharding layout this installation was created with: N databases x M tables. Changing it is a
-- resharding, so every process checks its configuration against this row at start-up.
CREATE TABLE IF NOT EXISTS sharding_layout (
  id TINYINT NOT NULL PRIMARY KEY,
  databases_count INT NOT NULL,
  tables_count INT NOT NULL,
  created_at DATETIME(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS coupon_template (
  id BIGINT NOT NULL PRIMARY KEY,
  name VARCHAR(128) NOT NULL,
  type VARCHAR(16) NOT NULL,
  discount_amount BIGINT NULL,
  threshold_amount BIGINT NULL,
  percent_off INT NULL,
  max_discount_amount BIGINT NULL,
  total_stock BIGINT NOT NULL,
  -- Guarded counter: taken with "issued < total_stock" before a coupon row is written, given back
  -- when the write fails. The coupon rows stay the truth; reconciliation repairs this from them.
  issued BIGINT NOT NULL DEFAULT 0,
  per_user_limit INT NOT NULL,
  claim_start DATETIME(3) NOT NULL,
  claim_end DATETIME(3) NOT NULL,
  validity_type VARCHAR(16) NOT NULL,
  valid_from DATETIME(3) NULL,
  valid_until DATETIME(3) NULL,
  valid_days INT NULL,
  refundable TINYINT(1) NOT NULL DEFAULT 1,
  status VARCHAR(16) NOT NULL,
  version INT NOT NULL DEFAULT 0,
  created_by VARCHAR(64) NOT NULL,
  created_at DATETIME(3) NOT NULL,
  updated_at DATETIME(3) NOT NULL,
  KEY idx_coupon_template_status_id (status, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Per-template statistics kept by the CouponClaimed consumer (eventually consistent with the rows).
CREATE TABLE IF NOT EXISTS template_statistic (
  template_id BIGINT NOT NULL PRIMARY KEY,
  issued_count BIGINT NOT NULL DEFAULT 0,
  updated_at DATETIME(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Event IDs a consumer has applied, so that a redelivered message changes nothing.
CREATE TABLE IF NOT EXISTS consumed_event (
  consumer VARCHAR(64) NOT NULL,
  event_id BIGINT NOT NULL,
  consumed_at DATETIME(3) NOT NULL,
  PRIMARY KEY (consumer, event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
