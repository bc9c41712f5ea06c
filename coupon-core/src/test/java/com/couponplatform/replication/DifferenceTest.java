package com.couponplatform.replication;

import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.couponplatform.legacy.CanonicalRow;
import com.couponplatform.legacy.LegacyCoupon;

import static org.assertj.core.api.Assertions.assertThat;

class DifferenceTest {

	private static final LocalDateTime AT = LocalDateTime.of(2026, 12, 1, 10, 0, 0);

	@Test
	void namesEveryRowMissingExtraOrChangedByItsTableAndKeyAndNothingForEqualRows() {
		CanonicalRow same = coupon(1, 0);
		CanonicalRow changedOld = coupon(2, 0);
		CanonicalRow changedNew = coupon(2, 1);
		CanonicalRow onlyOld = coupon(3, 0);
		CanonicalRow onlyNew = coupon(4, 0);
		Map<String, CanonicalRow> old = Map.of(UserRows.key(same), same, UserRows.key(changedOld), changedOld,
				UserRows.key(onlyOld), onlyOld);
		Map<String, CanonicalRow> copy = Map.of(UserRows.key(same), coupon(1, 0), UserRows.key(changedNew), changedNew,
				UserRows.key(onlyNew), onlyNew);

		assertThat(Difference.between(old, copy, 7L)).containsExactlyInAnyOrder(
				new Difference(Difference.Kind.MISMATCHED, "t_user_coupon", "2", 7L),
				new Difference(Difference.Kind.MISSING, "t_user_coupon", "3", 7L),
				new Difference(Difference.Kind.EXTRA, "t_user_coupon", "4", 7L));
		assertThat(Difference.between(old, old, 7L)).isEmpty();
	}

	@Test
	void comparesInstantsAtWholeSeconds() {
		CanonicalRow old = new LegacyCoupon(5, 7, 17, 0, 1, AT, null, null, null, null, 0, AT).canonical();
		CanonicalRow copy = new LegacyCoupon(5, 7, 17, 0, 1, AT.plusNanos(400_000_000), null, null, null, null, 0, AT)
			.canonical();
		assertThat(Difference.between(Map.of(UserRows.key(old), old), Map.of(UserRows.key(copy), copy), 7L)).isEmpty();
	}

	private static CanonicalRow coupon(long id, int state) {
		return new LegacyCoupon(id, 7, 17, state, 1, AT, AT.plusDays(7), null, null, null, state, AT).canonical();
	}

}
