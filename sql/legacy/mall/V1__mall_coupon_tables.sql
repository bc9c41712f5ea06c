-- The monolith's coupon tables in its `mall` schema, written exactly from LEGACY.md: its names, its
-- types, its three indexes on t_user_coupon and nothing more. No unique key on (uid, tpl_id) (some
-- users hold more coupons of a template than its per_user_limit) and no foreign keys anywhere.
-- Only `migrate.sh legacy-schema` runs this, to build a legacy database for tests and benchmarks;
-- the platform never creates, alters or drops these tables in a real mall database.
CREATE TABLE t_coupon_template (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title VARCHAR(64) NOT NULL,
  coupon_kind TINYINT NOT NULL,
  face_value DECIMAL(10,2) NOT NULL,
  min_order_amt DECIMAL(10,2) NOT NULL,
  discount_rate DECIMAL(3,1) NOT NULL,
  max_cut DECIMAL(10,2) NULL,
  total_count INT NOT NULL,
  taken_count INT NOT NULL,
  per_user_limit TINYINT NOT NULL,
  grab_start DATETIME NOT NULL,
  grab_end DATETIME NOT NULL,
  use_start DATETIME NULL,
  use_end DATETIME NULL,
  valid_days SMALLINT NULL,
  status TINYINT NOT NULL,
  scope_type TINYINT NOT NULL,
  operator VARCHAR(32) NOT NULL,
  create_time DATETIME NOT NULL,
  update_time DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE t_coupon_scope (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  template_id INT NOT NULL,
  ref_type TINYINT NOT NULL,
  ref_id VARCHAR(32) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE t_coupon_blacklist_goods (
  goods_id VARCHAR(32) NOT NULL PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE t_user_coupon (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  uid BIGINT NOT NULL,
  tpl_id INT NOT NULL,
  state TINYINT NOT NULL,
  get_type TINYINT NOT NULL,
  get_time DATETIME NOT NULL,
  expire_time DATETIME NULL,
  order_no VARCHAR(32) NULL,
  use_time DATETIME NULL,
  code VARCHAR(24) NULL,
  version INT NOT NULL,
  update_time DATETIME NOT NULL,
  KEY idx_uid_state (uid, state),
  KEY idx_tpl_id (tpl_id),
  KEY idx_order_no (order_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The primary key compares as the column's collation does (case-insensitive), as in production:
-- 'ab-12' and 'AB-12' cannot both exist, but 'AB-12' and 'AB12' can, and both normalise to AB12.
CREATE TABLE t_coupon_code (
  code VARCHAR(24) NOT NULL PRIMARY KEY,
  tpl_id INT NOT NULL,
  batch_no VARCHAR(32) NOT NULL,
  state TINYINT NOT NULL,
  uid BIGINT NULL,
  exchange_time DATETIME NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE t_coupon_use_log (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  uid BIGINT NOT NULL,
  user_coupon_id BIGINT NOT NULL,
  order_no VARCHAR(32) NOT NULL,
  action TINYINT NOT NULL,
  amount DECIMAL(10,2) NOT NULL,
  create_time DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
