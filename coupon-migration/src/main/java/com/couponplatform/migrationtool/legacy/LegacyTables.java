package com.couponplatform.migrationtool.legacy;

import java.util.SplittableRandom;

import com.couponplatform.legacy.LegacyCode;
import com.couponplatform.legacy.LegacyCoupon;
import com.couponplatform.legacy.LegacyScopeRef;
import com.couponplatform.legacy.LegacyTemplate;
import com.couponplatform.legacy.LegacyUseLog;

/**
 * The legacy tables' columns, and each legacy row as the values of an insert.
 */
final class LegacyTables {

	private final RowSink sink;

	private long nextScopeId = 1;

	LegacyTables(RowSink sink) {
		this.sink = sink;
		sink.table("t_coupon_template", "id", "title", "coupon_kind", "face_value", "min_order_amt", "discount_rate",
				"max_cut", "total_count", "taken_count", "per_user_limit", "grab_start", "grab_end", "use_start",
				"use_end", "valid_days", "status", "scope_type", "operator", "create_time", "update_time");
		sink.table("t_coupon_scope", "id", "template_id", "ref_type", "ref_id");
		sink.table("t_coupon_blacklist_goods", "goods_id");
		sink.table("t_user_coupon", "id", "uid", "tpl_id", "state", "get_type", "get_time", "expire_time", "order_no",
				"use_time", "code", "version", "update_time");
		sink.table("t_coupon_code", "code", "tpl_id", "batch_no", "state", "uid", "exchange_time");
		sink.table("t_coupon_use_log", "id", "uid", "user_coupon_id", "order_no", "action", "amount", "create_time");
	}

	void template(LegacyTemplate t) {
		this.sink.add("t_coupon_template", t.id(), t.title(), t.couponKind(), t.faceValue(), t.minOrderAmt(),
				t.discountRate(), t.maxCut(), t.totalCount(), t.takenCount(), t.perUserLimit(), t.grabStart(),
				t.grabEnd(), t.useStart(), t.useEnd(), t.validDays(), t.status(), t.scopeType(), t.operator(),
				t.createTime(), t.updateTime());
	}

	/** One to three goods or categories for a listed scope; none for scope type 0. */
	void scope(LegacyTemplate template, SplittableRandom random) {
		if (template.scopeType() == 0) {
			return;
		}
		int refType = (template.scopeType() == 3) ? LegacyScopeRef.CATEGORY : LegacyScopeRef.GOODS;
		int refs = 1 + random.nextInt(3);
		for (int i = 0; i < refs; i++) {
			String ref = ((refType == LegacyScopeRef.GOODS) ? "SKU-" : "CAT-") + (template.id() * 10 + i);
			this.sink.add("t_coupon_scope", this.nextScopeId++, template.id(), refType, ref);
		}
	}

	void blacklist(int goods) {
		for (int i = 1; i <= goods; i++) {
			this.sink.add("t_coupon_blacklist_goods", "SKU-BL-" + i);
		}
	}

	void coupon(LegacyCoupon c) {
		this.sink.add("t_user_coupon", c.id(), c.uid(), c.tplId(), c.state(), c.getType(), c.getTime(), c.expireTime(),
				c.orderNo(), c.useTime(), c.code(), c.version(), c.updateTime());
	}

	void code(LegacyCode c) {
		this.sink.add("t_coupon_code", c.code(), c.tplId(), c.batchNo(), c.state(), c.uid(), c.exchangeTime());
	}

	void useLog(LegacyUseLog l) {
		this.sink.add("t_coupon_use_log", l.id(), l.uid(), l.userCouponId(), l.orderNo(), l.action(), l.amount(),
				l.createTime());
	}

	void flush() {
		this.sink.flush();
	}

	long written() {
		return this.sink.written();
	}

}
