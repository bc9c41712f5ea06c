-- When the guarded counter last moved (a unit taken or given back). Reconciliation repairs the
-- counter from the coupon rows only once it has been still for longer than any claim can take to
-- write its row, so that no in-flight claim's unit is mistaken for a leaked one.
ALTER TABLE coupon_template ADD COLUMN stock_changed_at DATETIME(3) NULL;
