package com.couponplatform.legacy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every valid legacy row, OLD → NEW → OLD gives its canonical row back (decision 9):
 * the property the verifier and reverse replication both stand on.
 */
class LegacyRoundTripTest {

	private final LegacyTime time = new LegacyTime(LegacyTime.DEFAULT_ZONE);

	private final TemplateMapping templates = new TemplateMapping(this.time);

	private final CouponMapping coupons = new CouponMapping(this.time);

	@Property
	void aTemplateAndItsScopeComeBackAsTheirCanonicalRows(
			@ForAll("templates") LegacyArbitraries.TemplateWithScope legacy) {
		MigratedTemplate migrated = this.templates.toNew(legacy.template(), legacy.refs(), legacy.issuedRows())
			.orElseThrow();

		LegacyTemplate back = this.templates.toLegacy(migrated);

		assertThat(back.canonical()).isEqualTo(legacy.template().canonical());
		assertThat(back.canonical().hash()).isEqualTo(legacy.template().canonical().hash());
		assertThat(canonical(this.templates.scopeRefs(migrated))).isEqualTo(canonical(legacy.refs()));
		assertThat(back.takenCount()).isEqualTo(legacy.issuedRows());
	}

	@Property
	void aCouponComesBackAsItsCanonicalRow(@ForAll("couponsWithTemplates") CouponOfTemplate legacy) {
		Mapping<MigratedTemplate> template = this.templates.toNew(legacy.template().template(),
				legacy.template().refs(), 0);

		LegacyCoupon back = this.coupons.toLegacy(this.coupons.toNew(legacy.coupon(), template).orElseThrow());

		assertThat(back.canonical()).isEqualTo(legacy.coupon().canonical());
	}

	@Property
	void aCodeComesBackAsItsCanonicalRow(@ForAll("codes") LegacyCode legacy) {
		CodeMapping codes = new CodeMapping(this.time);

		LegacyCode back = codes.toLegacy(codes.toNew(legacy, 42).orElseThrow(),
				new LegacyCodeBatch(legacy.batchNo(), legacy.tplId()));

		assertThat(back.canonical()).isEqualTo(legacy.canonical());
	}

	@Property
	void aUseLogRowComesBackAsItsCanonicalRow(@ForAll("useLogs") LegacyUseLog legacy) {
		UseLogMapping useLogs = new UseLogMapping(this.time);

		assertThat(useLogs.toLegacy(useLogs.toNew(legacy).orElseThrow()).canonical()).isEqualTo(legacy.canonical());
	}

	record CouponOfTemplate(LegacyArbitraries.TemplateWithScope template, LegacyCoupon coupon) {
	}

	@Provide
	Arbitrary<LegacyArbitraries.TemplateWithScope> templates() {
		return LegacyArbitraries.templates();
	}

	@Provide
	Arbitrary<CouponOfTemplate> couponsWithTemplates() {
		return LegacyArbitraries.templates()
			.flatMap((template) -> LegacyArbitraries.coupons(template.template())
				.map((coupon) -> new CouponOfTemplate(template, coupon)));
	}

	@Provide
	Arbitrary<LegacyCode> codes() {
		return LegacyArbitraries.legacyCodes();
	}

	@Provide
	Arbitrary<LegacyUseLog> useLogs() {
		return LegacyArbitraries.useLogs();
	}

	private static Set<CanonicalRow> canonical(List<LegacyScopeRef> refs) {
		return refs.stream().map(LegacyScopeRef::canonical).collect(Collectors.toSet());
	}

}
