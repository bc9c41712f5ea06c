package com.couponplatform.legacy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Arbitrary valid legacy rows for the round-trip properties: every column in its legal
 * range, columns the row's kind does not read filled with anything (the canonical row
 * ignores them), times after 1991 (Asia/Shanghai has had no DST since).
 */
final class LegacyArbitraries {

	private LegacyArbitraries() {
	}

	static Arbitrary<LocalDateTime> times() {
		return Arbitraries.longs()
			.between(LocalDateTime.of(2012, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC),
					LocalDateTime.of(2035, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC))
			.map((seconds) -> LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC));
	}

	static Arbitrary<BigDecimal> yuan() {
		return Arbitraries.longs().between(0, 9_999_999_999L).map((cents) -> BigDecimal.valueOf(cents, 2));
	}

	static Arbitrary<String> text(int maxLength) {
		return Arbitraries.strings()
			.withCharRange('a', 'z')
			.withCharRange('0', '9')
			.ofMinLength(1)
			.ofMaxLength(maxLength);
	}

	/** A template with its scope rows. */
	record TemplateWithScope(LegacyTemplate template, List<LegacyScopeRef> refs, long issuedRows) {
	}

	static Arbitrary<TemplateWithScope> templates() {
		Arbitrary<Integer> kinds = Arbitraries.integers().between(1, 3);
		Arbitrary<LegacyTemplate> rows = Combinators
			.combine(Arbitraries.longs().between(1, 4_294_967_295L), text(64), kinds, yuan(), yuan(),
					Arbitraries.integers().between(0, 10_000_000), Arbitraries.integers().between(0, 127),
					Arbitraries.of(0, 1, 2, 3, 9))
			.flatAs((id, title, kind, face, minOrder, total, limit, status) -> Combinators
				.combine(rates(kind), yuan().injectNull(0.3), times(), times(), validity(),
						Arbitraries.integers().between(0, 3), text(32), times())
				.as((rate, maxCut, grabStart, createTime, window, scopeType, operator,
						updateTime) -> new LegacyTemplate(id, title, kind, face, minOrder, rate, maxCut, total, 0,
								limit, grabStart, grabStart.plusDays(30), window.start, window.end, window.days, status,
								scopeType, operator, createTime, updateTime)));
		return rows.flatMap((row) -> Combinators
			.combine(refs(row, true), refs(row, false), Arbitraries.longs().between(0, 10_000_000))
			.as((read, ignored, issued) -> {
				List<LegacyScopeRef> all = new ArrayList<>(read);
				all.addAll(ignored);
				return new TemplateWithScope(row, all, issued);
			}));
	}

	private static Arbitrary<BigDecimal> rates(int kind) {
		// Kind 3 needs a rate strictly between 0 and 10; the others keep any value.
		return (kind == LegacyTemplate.KIND_RATE)
				? Arbitraries.integers().between(1, 99).map((t) -> BigDecimal.valueOf(t, 1))
				: Arbitraries.integers().between(0, 100).map((t) -> BigDecimal.valueOf(t, 1));
	}

	record Window(LocalDateTime start, LocalDateTime end, Integer days) {
	}

	private static Arbitrary<Window> validity() {
		Arbitrary<Window> fixed = Combinators
			.combine(times(), Arbitraries.integers().between(1, 3650),
					Arbitraries.integers().between(1, 365).injectNull(0.5))
			.as((start, length, junkDays) -> new Window(start, start.plusDays(length), junkDays));
		Arbitrary<Window> relative = Arbitraries.integers()
			.between(1, 3650)
			.map((days) -> new Window(null, null, days));
		return Arbitraries.oneOf(fixed, relative);
	}

	private static Arbitrary<List<LegacyScopeRef>> refs(LegacyTemplate row, boolean read) {
		int wanted = switch (row.scopeType()) {
			case 1, 2 -> LegacyScopeRef.GOODS;
			case 3 -> LegacyScopeRef.CATEGORY;
			default -> 0;
		};
		if (read && wanted == 0) {
			return Arbitraries.just(List.of());
		}
		int min = (read && row.scopeType() != 2) ? 1 : 0;
		Arbitrary<Integer> types = read ? Arbitraries.just(wanted)
				: (wanted == LegacyScopeRef.GOODS) ? Arbitraries.just(LegacyScopeRef.CATEGORY)
						: (wanted == LegacyScopeRef.CATEGORY) ? Arbitraries.just(LegacyScopeRef.GOODS)
								: Arbitraries.of(LegacyScopeRef.GOODS, LegacyScopeRef.CATEGORY);
		return Combinators.combine(types, text(32))
			.as((type, ref) -> new LegacyScopeRef(0, row.id(), type, ref))
			.list()
			.ofMinSize(min)
			.ofMaxSize(read ? 5 : 2)
			.uniqueElements((ref) -> ref.refType() + "/" + ref.refId());
	}

	static Arbitrary<LegacyCoupon> coupons(LegacyTemplate template) {
		return Combinators
			.combine(Arbitraries.longs().between(1, Long.MAX_VALUE), Arbitraries.longs().between(1, Long.MAX_VALUE),
					Arbitraries.integers().between(0, 4), Arbitraries.integers().between(1, 3), times(),
					times().injectNull(0.3), text(32).injectNull(0.5), times().injectNull(0.5))
			.flatAs((id, uid, state, getType, getTime, expireTime, orderNo, useTime) -> Combinators
				.combine(codes().injectNull(0.5), Arbitraries.integers().between(0, 1000), times())
				.as((code, version, updateTime) -> new LegacyCoupon(id, uid, template.id(), state, getType, getTime,
						expireTime, orderNo, useTime, code, version, updateTime)));
	}

	static Arbitrary<String> codes() {
		return Arbitraries.strings()
			.withCharRange('A', 'Z')
			.withCharRange('a', 'z')
			.withCharRange('0', '9')
			.withChars('-')
			.ofMinLength(1)
			.ofMaxLength(24)
			.filter((code) -> code.chars().anyMatch(Character::isLetterOrDigit));
	}

	static Arbitrary<LegacyCode> legacyCodes() {
		return Combinators
			.combine(codes(), Arbitraries.longs().between(1, 4_294_967_295L), text(32),
					Arbitraries.of(LegacyCode.NEW, LegacyCode.EXCHANGED, LegacyCode.VOID),
					Arbitraries.longs().between(1, Long.MAX_VALUE), times())
			.as((code, tplId, batchNo, state, uid, exchangeTime) -> (state == LegacyCode.EXCHANGED)
					? new LegacyCode(code, tplId, batchNo, state, uid, exchangeTime)
					: new LegacyCode(code, tplId, batchNo, state, null, null));
	}

	static Arbitrary<LegacyUseLog> useLogs() {
		return Combinators
			.combine(Arbitraries.longs().between(1, Long.MAX_VALUE), Arbitraries.longs().between(1, Long.MAX_VALUE),
					Arbitraries.longs().between(1, Long.MAX_VALUE), text(32), Arbitraries.integers().between(1, 4),
					yuan(), times())
			.as(LegacyUseLog::new);
	}

}
