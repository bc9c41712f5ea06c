package com.couponplatform.checkout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import com.couponplatform.migration.SideResolver;
import com.couponplatform.sharding.ReplicaRouting;
import com.couponplatform.template.CartLine;
import com.couponplatform.template.CheckApplicability;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.DiscountRule;
import com.couponplatform.template.ProductScope;
import com.couponplatform.template.SuperBlacklist;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.template.TemplateType;
import com.couponplatform.wallet.CouponOrigin;
import com.couponplatform.wallet.CouponStatus;
import com.couponplatform.wallet.UserCoupon;
import com.couponplatform.wallet.UserCouponMapper;
import com.couponplatform.wallet.UserCouponRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The quote's decisions for each discount type, scope and validity case; the wallet rows,
 * the template cache and the super-blacklist are stand-ins, the judging is real.
 */
class QuoteCartTest {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private static final long USER = 42;

	private final UserCouponMapper coupons = mock(UserCouponMapper.class);

	private final TemplateCatalog catalog = mock(TemplateCatalog.class);

	private final SuperBlacklist superBlacklist = mock(SuperBlacklist.class);

	/** No replicas: every read runs where it is. */
	private final ReplicaRouting routing = mock(ReplicaRouting.class);

	private final List<UserCouponRow> wallet = new ArrayList<>();

	private QuoteCart quoteCart;

	private long nextId = 1000;

	@BeforeEach
	void wire() {
		given(this.coupons.findOpen(USER, QuoteCart.MAX_COUPONS)).willReturn(this.wallet);
		given(this.superBlacklist.contains(anyString())).willReturn(false);
		CouponTemplate everything = template(ProductScope.EVERYTHING);
		given(this.catalog.get(anyLong())).willReturn(everything);
		given(this.routing.forUser(anyLong(), any())).willAnswer((call) -> call.<Supplier<?>>getArgument(1).get());
		this.quoteCart = new QuoteCart(this.coupons, this.catalog,
				new CheckApplicability(this.catalog, this.superBlacklist), Clock.fixed(NOW, ZoneOffset.UTC),
				this.routing, mock(SideResolver.class),
				new StaticListableBeanFactory().getBeanProvider(LegacyOrderBooks.class));
	}

	private final List<CartLine> cart = List.of(new CartLine("phone", "electronics", 99_999L, 1),
			new CartLine("case", "accessories", 1_250L, 2));

	@Test
	void computesEachTypesDiscountAndPicksTheLargest() {
		long fixed = coupon(new DiscountRule(TemplateType.FIXED_AMOUNT, 500L, null, null, null));
		long threshold = coupon(new DiscountRule(TemplateType.THRESHOLD, 10_000L, 100_000L, null, null));
		// 15% of 102,499 = 15,374.85: rounded down to the cent, under the cap.
		long percent = coupon(new DiscountRule(TemplateType.PERCENTAGE, null, null, 15, 20_000L));
		// 30% would be 30,749: the cap holds it at 20,000.
		long capped = coupon(new DiscountRule(TemplateType.PERCENTAGE, null, null, 30, 20_000L));

		Quote quote = this.quoteCart.quote(USER, this.cart);

		assertThat(quote.usable()).containsExactly(new Quote.Usable(capped, 20_000), new Quote.Usable(percent, 15_374),
				new Quote.Usable(threshold, 10_000), new Quote.Usable(fixed, 500));
		assertThat(quote.unusable()).isEmpty();
		assertThat(quote.best().couponId()).isEqualTo(capped);
		// 20,000 over 99,999 and 2,500: exact 19,512.19 and 487.81 → the second line
		// takes
		// the leftover unit.
		assertThat(quote.best().lines()).containsExactly(new Quote.LineDiscount("phone", 19_512),
				new Quote.LineDiscount("case", 488));
	}

	@Test
	void saysWhyEachOtherCouponDoesNotApply() {
		long shortOfThreshold = coupon(new DiscountRule(TemplateType.THRESHOLD, 5_000L, 150_000L, null, null));
		long locked = coupon(new DiscountRule(TemplateType.FIXED_AMOUNT, 500L, null, null, null), CouponStatus.LOCKED,
				NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)));
		long pastDue = coupon(new DiscountRule(TemplateType.FIXED_AMOUNT, 500L, null, null, null), CouponStatus.UNUSED,
				NOW.minus(Duration.ofDays(9)), NOW);
		long notYet = coupon(new DiscountRule(TemplateType.FIXED_AMOUNT, 500L, null, null, null), CouponStatus.UNUSED,
				NOW.plusSeconds(1), NOW.plus(Duration.ofDays(9)));
		long booksOnly = coupon(new DiscountRule(TemplateType.FIXED_AMOUNT, 500L, null, null, null));
		CouponTemplate books = template(new ProductScope(Set.of(), Set.of(), Set.of("books"), Set.of()));
		given(this.catalog.get(templateOf(booksOnly))).willReturn(books);

		Quote quote = this.quoteCart.quote(USER, this.cart);

		assertThat(quote.usable()).isEmpty();
		assertThat(quote.best()).isNull();
		assertThat(quote.unusable()).containsExactly(
				new Quote.Unusable(booksOnly, Quote.Reason.NO_ELIGIBLE_ITEMS, null),
				new Quote.Unusable(notYet, Quote.Reason.NOT_STARTED, null),
				new Quote.Unusable(pastDue, Quote.Reason.EXPIRED, null),
				new Quote.Unusable(locked, Quote.Reason.LOCKED, null),
				new Quote.Unusable(shortOfThreshold, Quote.Reason.THRESHOLD_NOT_MET, 150_000L - 102_499L));
	}

	@Test
	void countsOnlyTheLinesInScopeAndNeverASuperBlacklistedOne() {
		long accessories = coupon(new DiscountRule(TemplateType.PERCENTAGE, null, null, 10, 100_000L));
		CouponTemplate shop = template(
				new ProductScope(Set.of(), Set.of(), Set.of("accessories", "electronics"), Set.of()));
		given(this.catalog.get(templateOf(accessories))).willReturn(shop);
		given(this.superBlacklist.contains(eq("phone"))).willReturn(true);

		Quote quote = this.quoteCart.quote(USER, this.cart);

		// 10% of the case lines only (2,500): 250, all of it on the case line.
		assertThat(quote.usable()).containsExactly(new Quote.Usable(accessories, 250));
		assertThat(quote.best().lines()).containsExactly(new Quote.LineDiscount("phone", 0),
				new Quote.LineDiscount("case", 250));
	}

	@Test
	void ofEqualDiscountsPrefersTheCouponThatExpiresFirst() {
		long later = coupon(new DiscountRule(TemplateType.FIXED_AMOUNT, 500L, null, null, null), CouponStatus.UNUSED,
				NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(20)));
		long sooner = coupon(new DiscountRule(TemplateType.FIXED_AMOUNT, 500L, null, null, null), CouponStatus.UNUSED,
				NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(2)));

		Quote quote = this.quoteCart.quote(USER, this.cart);

		assertThat(quote.best().couponId()).isEqualTo(sooner);
		assertThat(quote.usable()).extracting(Quote.Usable::couponId).containsExactly(sooner, later);
	}

	private long coupon(DiscountRule rule) {
		return coupon(rule, CouponStatus.UNUSED, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(7)));
	}

	/**
	 * Adds a coupon to the wallet; newer coupons come first, as the mapper reads them.
	 */
	private long coupon(DiscountRule rule, CouponStatus status, Instant from, Instant until) {
		long id = this.nextId++;
		UserCoupon coupon = new UserCoupon(id, USER, id * 10, status, rule, from, until, NOW.minus(Duration.ofDays(1)),
				CouponOrigin.CLAIM, "r-" + id);
		this.wallet.add(0, UserCouponRow.of(coupon, 1));
		return id;
	}

	private static long templateOf(long couponId) {
		return couponId * 10;
	}

	private static CouponTemplate template(ProductScope scope) {
		CouponTemplate template = mock(CouponTemplate.class);
		given(template.scope()).willReturn(scope);
		return template;
	}

}
