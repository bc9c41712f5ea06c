package com.couponplatform.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wallet on OLD lists every quirk row of its owner as the platform's model says, legacy
 * IDs kept: a NULL {@code expire_time} ends when its template says, over-limit holdings
 * are all listed (and leave no further claim), state 4 is REVOKED, a soft-deleted
 * template's coupons are listed; status filters and cursor paging as on NEW; another
 * user's coupon is not found.
 */
class LegacyWalletIT extends LegacyApiIntegrationTest {

	private static final long OWNER = 870_001;

	@Test
	void listsEveryQuirkRowOfItsOwner() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		long limited = MALL.onlineTemplate(100, 1);
		long deleted = MALL.template(2, new BigDecimal("20.00"), new BigDecimal("100.00"), BigDecimal.ZERO, null, 50, 1,
				9, 30);
		long rate = MALL.template(3, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("8.5"), new BigDecimal("30.00"),
				50, 2, 1, 30);
		Instant old = Instant.parse("2018-03-01T02:00:00Z");
		long nullExpire = MALL.coupon(OWNER, limited, 0, 1, old, null, null);
		long overLimitA = MALL.coupon(OWNER, limited, 0, 1, now.minus(2, ChronoUnit.DAYS), now.plus(5, ChronoUnit.DAYS),
				null);
		long overLimitB = MALL.coupon(OWNER, limited, 0, 1, now.minus(1, ChronoUnit.DAYS), now.plus(6, ChronoUnit.DAYS),
				null);
		long ofDeleted = MALL.coupon(OWNER, deleted, 0, 2, now.minus(1, ChronoUnit.DAYS), now.plus(29, ChronoUnit.DAYS),
				null);
		long revoked = MALL.coupon(OWNER, rate, 4, 1, now.minus(3, ChronoUnit.DAYS), now.plus(27, ChronoUnit.DAYS),
				null);
		long locked = MALL.coupon(OWNER, rate, 1, 1, now.minus(3, ChronoUnit.DAYS), now.plus(27, ChronoUnit.DAYS),
				"ORD-LEGACY-1");
		long expired = MALL.coupon(OWNER, rate, 3, 1, now.minus(40, ChronoUnit.DAYS), now.minus(10, ChronoUnit.DAYS),
				null);
		long othersCoupon = MALL.coupon(OWNER + 1, limited, 0, 1, now, now.plus(7, ChronoUnit.DAYS), null);
		String token = TestTokens.user(OWNER);

		JsonNode all = get("/api/v1/coupons?limit=100", token).body();
		assertThat(ids(all)).containsExactly(expired, locked, revoked, ofDeleted, overLimitB, overLimitA, nullExpire);
		assertThat(statuses(all)).containsExactly("EXPIRED", "LOCKED", "REVOKED", "UNUSED", "UNUSED", "UNUSED",
				"EXPIRED");
		assertThat(all.path("nextCursor").isNull()).isTrue();

		// The NULL expire_time ends where its template's seven days end.
		JsonNode first = all.path("items").get(6);
		assertThat(first.path("claimedAt").asText()).isEqualTo("2018-03-01T02:00:00Z");
		assertThat(first.path("validUntil").asText()).isEqualTo("2018-03-08T02:00:00Z");
		// Money in minor units, the rate as percent off.
		JsonNode thresholdCoupon = all.path("items").get(3);
		assertThat(thresholdCoupon.path("type").asText()).isEqualTo("THRESHOLD");
		assertThat(thresholdCoupon.path("discountAmount").asLong()).isEqualTo(2000);
		assertThat(thresholdCoupon.path("thresholdAmount").asLong()).isEqualTo(10000);
		JsonNode rateCoupon = all.path("items").get(1);
		assertThat(rateCoupon.path("type").asText()).isEqualTo("PERCENTAGE");
		assertThat(rateCoupon.path("percentOff").asInt()).isEqualTo(15);
		assertThat(rateCoupon.path("maxDiscountAmount").asLong()).isEqualTo(3000);
		assertThat(rateCoupon.path("templateId").asText()).isEqualTo(Long.toString(rate));

		// Paged two at a time, the same coupons in the same order.
		List<Long> paged = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode page = get("/api/v1/coupons?limit=2" + ((cursor != null) ? "&cursor=" + cursor : ""), token)
				.body();
			paged.addAll(ids(page));
			cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
			pages++;
		}
		while (cursor != null);
		assertThat(paged).containsExactly(expired, locked, revoked, ofDeleted, overLimitB, overLimitA, nullExpire);
		assertThat(pages).isEqualTo(4);

		assertThat(ids(get("/api/v1/coupons?status=REVOKED", token).body())).containsExactly(revoked);
		assertThat(ids(get("/api/v1/coupons?status=EXPIRED", token).body())).containsExactly(expired, nullExpire);
		assertThat(ids(get("/api/v1/coupons?status=UNUSED&limit=2", token).body())).containsExactly(ofDeleted,
				overLimitB);
		assertThat(ids(get("/api/v1/coupons?status=LOCKED", token).body())).containsExactly(locked);
		assertThat(ids(get("/api/v1/coupons?status=USED", token).body())).isEmpty();

		Answer one = get("/api/v1/coupons/" + revoked, token);
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.body().path("status").asText()).isEqualTo("REVOKED");
		assertThat(one.body().path("userId").asText()).isEqualTo(Long.toString(OWNER));
		Answer notMine = get("/api/v1/coupons/" + othersCoupon, token);
		assertThat(notMine.status()).isEqualTo(404);
		assertThat(notMine.code()).isEqualTo("COUPON_NOT_FOUND");

		// Over the limit already: no further claim, nothing written.
		Answer claim = post("/api/v1/claims", token, claimBody(limited, "over-limit-1"));
		assertThat(claim.status()).isEqualTo(409);
		assertThat(claim.code()).isEqualTo("PER_USER_LIMIT");
		assertThat(MALL.rows(limited)).isEqualTo(4);
		// A soft-deleted template is not claimable.
		Answer ofDeletedTemplate = post("/api/v1/claims", token, claimBody(deleted, "deleted-1"));
		assertThat(ofDeletedTemplate.status()).isEqualTo(409);
		assertThat(ofDeletedTemplate.code()).isEqualTo("TEMPLATE_NOT_ACTIVE");
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.path("items").forEach((item) -> ids.add(item.path("couponId").asLong()));
		return ids;
	}

	private static List<String> statuses(JsonNode page) {
		List<String> statuses = new ArrayList<>();
		page.path("items").forEach((item) -> statuses.add(item.path("status").asText()));
		return statuses;
	}

}
