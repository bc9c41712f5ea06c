package com.couponplatform.migrationtool.legacy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

import com.couponplatform.legacy.LegacyTemplate;

/**
 * Draws the legacy templates. The first five carry one quirk each, so that every run has
 * it: an open ACTIVE rate template (8.5, capped), a bad rate (0 or 10.0), a soft-deleted
 * template, a per-user limit of 0, and a rate template without a cap. Stock and
 * {@code taken_count} are set once the coupons are drawn.
 */
final class TemplateMaker {

	static final int OPEN_RATE = 1;

	static final int BAD_RATE = 2;

	static final int DELETED = 3;

	static final int NO_LIMIT = 4;

	static final int NO_CAP = 5;

	private final SplittableRandom random;

	private final LocalDateTime now;

	TemplateMaker(SplittableRandom random, LocalDateTime now) {
		this.random = random;
		this.now = now;
	}

	LegacyTemplate make(int id) {
		int kind = switch (id) {
			case OPEN_RATE, BAD_RATE, NO_CAP -> LegacyTemplate.KIND_RATE;
			default -> 1 + this.random.nextInt(3);
		};
		// Some templates date from before 2019, when coupons had no expire_time.
		LocalDateTime created = (id <= 3 || this.random.nextInt(10) == 0)
				? LocalDateTime.of(2016, 1, 1, 9, 0).plusDays(this.random.nextInt(1000))
				: this.now.minusDays(20 + this.random.nextInt(600));
		created = created.plusSeconds(this.random.nextInt(86_400));
		LocalDateTime grabStart = created.plusDays(this.random.nextInt(10)).withNano(0);
		LocalDateTime grabEnd = grabStart.plusDays(7 + this.random.nextInt(400));
		if (id == OPEN_RATE) {
			grabStart = this.now.minusDays(10).withNano(0);
			grabEnd = this.now.plusDays(60).withNano(0);
		}
		boolean fixed = id == OPEN_RATE || this.random.nextBoolean();
		LocalDateTime useStart = fixed ? grabStart : null;
		LocalDateTime useEnd = fixed ? grabEnd.plusDays(30 + this.random.nextInt(700)) : null;
		Integer validDays = fixed ? null : 30 + this.random.nextInt(336);
		BigDecimal face = (kind == LegacyTemplate.KIND_RATE) ? yuan(0) : yuan(100 * (1 + this.random.nextInt(100)));
		BigDecimal minOrder = (kind == LegacyTemplate.KIND_THRESHOLD) ? yuan(100 * (50 + this.random.nextInt(500)))
				: yuan(0);
		BigDecimal rate = (kind == LegacyTemplate.KIND_RATE) ? rate(id) : BigDecimal.valueOf(0, 1);
		BigDecimal maxCut = (kind == LegacyTemplate.KIND_RATE && id != NO_CAP)
				? yuan(100 * (5 + this.random.nextInt(200))) : null;
		int perUserLimit = (id == NO_LIMIT) ? 0 : 1 + this.random.nextInt(3);
		int status = switch (id) {
			case OPEN_RATE, NO_LIMIT -> 1;
			case DELETED -> LegacyTemplate.STATUS_DELETED;
			default -> status();
		};
		int scopeType = (this.random.nextInt(10) < 7) ? 0 : 1 + this.random.nextInt(3);
		return new LegacyTemplate(id, "Template " + id, kind, face, minOrder, rate, maxCut, 0, 0, perUserLimit,
				grabStart, grabEnd, useStart, useEnd, validDays, status, scopeType, "op" + this.random.nextInt(20),
				created, created);
	}

	private BigDecimal rate(int id) {
		if (id == BAD_RATE) {
			return this.random.nextBoolean() ? BigDecimal.valueOf(0, 1) : BigDecimal.valueOf(100, 1);
		}
		if (id == OPEN_RATE) {
			return new BigDecimal("8.5");
		}
		return BigDecimal.valueOf(50 + this.random.nextInt(49), 1);
	}

	private int status() {
		int draw = this.random.nextInt(100);
		if (draw < 5) {
			return 0;
		}
		if (draw < 65) {
			return 1;
		}
		if (draw < 75) {
			return 2;
		}
		return (draw < 90) ? 3 : LegacyTemplate.STATUS_DELETED;
	}

	private static BigDecimal yuan(long cents) {
		return BigDecimal.valueOf(cents, 2);
	}

}
