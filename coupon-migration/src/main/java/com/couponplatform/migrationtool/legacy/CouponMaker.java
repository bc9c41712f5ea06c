package com.couponplatform.migrationtool.legacy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.couponplatform.legacy.LegacyCoupon;
import com.couponplatform.legacy.LegacyTemplate;
import com.couponplatform.legacy.LegacyUseLog;

/**
 * Draws one user coupon with the life the monolith would have given it — claimed, then
 * perhaps frozen, used, released, refunded, expired by the nightly job or revoked — and
 * the use-log rows those actions write (LEGACY.md, "How the monolith writes").
 */
final class CouponMaker {

	/** Before 2019 the monolith stored no expire_time. */
	static final LocalDateTime EXPIRE_TIME_SINCE = LocalDateTime.of(2019, 1, 1, 0, 0);

	private static final DateTimeFormatter ORDER_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final SplittableRandom random;

	private final LocalDateTime now;

	private long nextLogId = 1;

	CouponMaker(SplittableRandom random, LocalDateTime now) {
		this.random = random;
		this.now = now;
	}

	/** A coupon and its use-log rows. */
	record Drawn(LegacyCoupon coupon, List<LegacyUseLog> log) {
	}

	Drawn make(long id, long uid, LegacyTemplate template, int getType, String code) {
		LocalDateTime claimEnd = min(template.grabEnd(), this.now);
		LocalDateTime got = between(template.grabStart(), claimEnd);
		LocalDateTime end = (template.useStart() != null) ? template.useEnd() : got.plusDays(template.validDays());
		LocalDateTime expire = got.isBefore(EXPIRE_TIME_SINCE) ? null : end;
		Life life = new Life(id, uid, template, got);
		boolean expired = !end.isAfter(this.now);
		int draw = this.random.nextInt(100);
		if (expired) {
			if (draw < 85) {
				life.expire(between(end, min(end.plusDays(1), this.now)));
			}
			else if (draw < 90) {
				life.use();
			}
			// else: still 0 although past due (the nightly job has not run): reads as
			// expired.
		}
		else if (draw < 10) {
			life.freeze();
			life.unfreeze();
		}
		else if (draw < 15) {
			life.use();
			life.refund();
		}
		else if (draw < 25) {
			life.freeze();
		}
		else if (draw < 45) {
			life.use();
		}
		else if (draw < 50) {
			if (this.random.nextBoolean()) {
				life.freeze();
			}
			life.revoke();
		}
		return new Drawn(new LegacyCoupon(id, uid, template.id(), life.state, getType, got, expire, life.orderNo,
				life.useTime, code, life.version, life.updated), life.log);
	}

	private LocalDateTime between(LocalDateTime from, LocalDateTime to) {
		long seconds = Duration.between(from, to).getSeconds();
		return (seconds <= 0) ? from : from.plusSeconds(this.random.nextLong(seconds + 1));
	}

	private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
		return a.isBefore(b) ? a : b;
	}

	/** The coupon's row as its actions change it. */
	private final class Life {

		private final long id;

		private final long uid;

		private final LegacyTemplate template;

		private final List<LegacyUseLog> log = new ArrayList<>(3);

		private int state;

		private int version;

		private String orderNo;

		private LocalDateTime useTime;

		private LocalDateTime updated;

		private BigDecimal amount;

		Life(long id, long uid, LegacyTemplate template, LocalDateTime got) {
			this.id = id;
			this.uid = uid;
			this.template = template;
			this.updated = got;
		}

		void freeze() {
			LocalDateTime at = later();
			this.orderNo = "O" + at.format(ORDER_DAY)
					+ String.format("%012d", CouponMaker.this.random.nextLong(1_000_000_000_000L));
			this.amount = discount();
			change(1, at);
			log(1, this.amount, at);
		}

		void use() {
			freeze();
			LocalDateTime at = later();
			this.useTime = at;
			change(2, at);
			log(2, this.amount, at);
		}

		void unfreeze() {
			LocalDateTime at = later();
			log(3, BigDecimal.ZERO.setScale(2), at);
			this.orderNo = null;
			change(0, at);
		}

		void refund() {
			LocalDateTime at = later();
			log(4, this.amount, at);
			this.orderNo = null;
			this.useTime = null;
			change(0, at);
		}

		void expire(LocalDateTime at) {
			change(3, at);
		}

		void revoke() {
			change(4, later());
		}

		private LocalDateTime later() {
			return min(this.updated.plusSeconds(60 + CouponMaker.this.random.nextInt(3 * 86_400)),
					CouponMaker.this.now);
		}

		private void change(int next, LocalDateTime at) {
			this.state = next;
			this.version++;
			this.updated = at;
		}

		private void log(int action, BigDecimal logged, LocalDateTime at) {
			this.log.add(new LegacyUseLog(CouponMaker.this.nextLogId++, this.uid, this.id, this.orderNo, action, logged,
					at));
		}

		/**
		 * What the coupon takes off an order of a drawn amount, as the monolith computes
		 * it.
		 */
		private BigDecimal discount() {
			BigDecimal order = this.template.minOrderAmt()
				.add(BigDecimal.valueOf(CouponMaker.this.random.nextInt(100_000), 2));
			if (this.template.couponKind() != LegacyTemplate.KIND_RATE) {
				return this.template.faceValue().min(order);
			}
			BigDecimal off = order.multiply(BigDecimal.TEN.subtract(this.template.discountRate()))
				.divide(BigDecimal.TEN, 2, RoundingMode.DOWN);
			return (this.template.maxCut() != null) ? off.min(this.template.maxCut()) : off;
		}

	}

}
