-- One request ID names one claim: a single claim's key ignores the template, so reusing the ID for
-- another template collides (422) instead of issuing a second coupon. A batch claim covers several
-- templates under one request ID, so its key keeps the template.
ALTER TABLE user_coupon_${t}
  ADD COLUMN origin_template BIGINT AS (IF(origin = 'BATCH_CLAIM', template_id, 0)) STORED,
  DROP INDEX uk_user_coupon_origin,
  ADD UNIQUE KEY uk_user_coupon_origin (user_id, origin, origin_ref, origin_template),
  -- Reconciliation counts a template's rows in every table.
  ADD KEY idx_user_coupon_template_id (template_id);
