-- Product scope (JSON: skuWhitelist, skuBlacklist, categoryWhitelist, categoryBlacklist), the
-- targeting tag expression in canonical form, and what a claim decides when tags are unavailable.
ALTER TABLE coupon_template
  ADD COLUMN scope_json TEXT NULL,
  ADD COLUMN targeting VARCHAR(1000) NULL,
  ADD COLUMN tag_fallback VARCHAR(8) NOT NULL DEFAULT 'DENY';
