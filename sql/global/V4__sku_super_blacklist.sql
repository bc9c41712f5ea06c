-- SKUs that no coupon may ever discount, whatever its scope (gift cards, regulated goods, …).
CREATE TABLE IF NOT EXISTS sku_super_blacklist (
  sku_id VARCHAR(64) NOT NULL PRIMARY KEY,
  reason VARCHAR(200) NOT NULL,
  created_by VARCHAR(64) NOT NULL,
  created_at DATETIME(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
