package com.couponplatform.migrationtool.legacy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.springframework.jdbc.core.JdbcTemplate;

import com.couponplatform.legacy.LegacyCode;
import com.couponplatform.legacy.LegacyCoupon;
import com.couponplatform.legacy.LegacyTemplate;
import com.couponplatform.legacy.LegacyUseLog;

/**
 * Fills an empty legacy database with templates, scopes, blacklisted goods, user coupons
 * with their use log, and codes, reproducibly: one random sequence from the seed, times
 * relative to {@code now}, so the same settings write the same rows.
 *
 * <p>
 * Users are drawn one after another (user IDs {@value #FIRST_USER_ID}, …), each holding
 * coupons of distinct templates but for a few deliberate repeats: the over-limit holdings
 * of old race bugs.
 */
public final class LegacyDataGenerator {

	static final long FIRST_USER_ID = 100_001;

	private final GeneratorSettings settings;

	private final SplittableRandom random;

	private final LocalDateTime now;

	private final QuirkCounts quirks = new QuirkCounts();

	public LegacyDataGenerator(GeneratorSettings settings) {
		this.settings = settings;
		this.random = new SplittableRandom(settings.seed());
		this.now = LocalDateTime.ofInstant(settings.now(), settings.zone()).withNano(0);
	}

	/**
	 * Writes every row.
	 * @param jdbc the legacy database, its tables empty
	 * @return the count of each quirk written
	 */
	public QuirkCounts generate(JdbcTemplate jdbc) {
		LegacyTables sink = new LegacyTables(new RowSink(jdbc));
		TemplateMaker templateMaker = new TemplateMaker(this.random, this.now);
		List<LegacyTemplate> templates = new ArrayList<>();
		for (int id = 1; id <= this.settings.templates(); id++) {
			templates.add(templateMaker.make(id));
		}
		// Drafts were never claimable, so only the other templates have coupons.
		List<LegacyTemplate> issuable = templates.stream().filter((template) -> template.status() != 0).toList();
		long[] rows = new long[templates.size() + 1];
		CouponMaker couponMaker = new CouponMaker(this.random, this.now);
		CodeMaker codeMaker = new CodeMaker(this.random);
		int exchangeQuota = this.settings.codes() / 2;
		long couponId = 1;
		for (int u = 0; u < this.settings.users(); u++) {
			long uid = FIRST_USER_ID + u;
			int held = this.settings.coupons() / this.settings.users()
					+ ((u < this.settings.coupons() % this.settings.users()) ? 1 : 0);
			Map<Long, Integer> claimedOf = new HashMap<>();
			LegacyTemplate previous = null;
			for (int j = 0; j < held; j++) {
				// About one coupon in a hundred repeats the user's previous template as a
				// claim.
				boolean repeat = previous != null && this.random.nextInt(100) == 0;
				LegacyTemplate template = repeat ? previous : issuable.get(pick(issuable.size(), u, j));
				int getType = repeat ? 1 : getType();
				String code = null;
				if (getType == 3 && exchangeQuota > 0) {
					exchangeQuota--;
					code = codeMaker.make();
				}
				else if (getType == 3) {
					getType = 2;
				}
				CouponMaker.Drawn drawn = couponMaker.make(couponId++, uid, template, getType, code);
				if (code != null) {
					code(sink, new LegacyCode(code, template.id(), batchNo(template, 0), LegacyCode.EXCHANGED, uid,
							drawn.coupon().getTime()));
				}
				record(drawn, template, sink);
				rows[(int) template.id()]++;
				if (getType == 1) {
					claimedOf.merge(template.id(), 1, Integer::sum);
				}
				previous = template;
			}
			claimedOf.forEach((templateId, count) -> {
				int limit = templates.get((int) (templateId - 1)).perUserLimit();
				if (limit > 0 && count > limit) {
					this.quirks.add("coupons.overLimitHoldings");
				}
			});
		}
		writeCodes(sink, codeMaker, issuable, this.settings.codes() / 2 - exchangeQuota);
		for (LegacyTemplate template : templates) {
			LegacyTemplate finished = finish(template, rows[(int) template.id()]);
			sink.template(finished);
			countQuirks(finished, rows[(int) template.id()]);
			sink.scope(finished, this.random);
		}
		sink.blacklist(20);
		sink.flush();
		this.quirks.add("rows.total", sink.written());
		return this.quirks;
	}

	/**
	 * Distinct templates for a user's first coupons, spread over users by an offset; a
	 * user with more coupons than there are templates repeats them at random.
	 */
	private int pick(int issuable, int user, int j) {
		return (j < issuable) ? (int) ((user * 7L + j) % issuable) : this.random.nextInt(issuable);
	}

	private int getType() {
		int draw = this.random.nextInt(100);
		return (draw < 75) ? 1 : (draw < 90) ? 2 : 3;
	}

	private void record(CouponMaker.Drawn drawn, LegacyTemplate template, LegacyTables sink) {
		LegacyCoupon coupon = drawn.coupon();
		sink.coupon(coupon);
		this.quirks.add("coupons.state" + coupon.state());
		if (coupon.expireTime() == null) {
			this.quirks.add("coupons.nullExpireTime");
		}
		if (template.status() == LegacyTemplate.STATUS_DELETED && (coupon.state() == 0 || coupon.state() == 1)) {
			this.quirks.add("coupons.liveOfDeletedTemplate");
		}
		for (LegacyUseLog row : drawn.log()) {
			sink.useLog(row);
			this.quirks.add("useLog.action" + row.action());
		}
	}

	/**
	 * The codes nobody exchanged: most still new, some void, and one pair that normalise
	 * alike.
	 */
	private void writeCodes(LegacyTables sink, CodeMaker codeMaker, List<LegacyTemplate> issuable, int exchanged) {
		int remaining = this.settings.codes() - exchanged;
		for (int i = 0; i < remaining - 2; i++) {
			LegacyTemplate template = issuable.get(this.random.nextInt(issuable.size()));
			int state = (i == 0 || this.random.nextInt(5) == 0) ? LegacyCode.VOID : LegacyCode.NEW;
			code(sink, new LegacyCode(codeMaker.make(), template.id(), batchNo(template, 1), state, null, null));
		}
		String first = codeMaker.make();
		LegacyTemplate template = issuable.get(0);
		code(sink, new LegacyCode(first, template.id(), batchNo(template, 1), LegacyCode.NEW, null, null));
		code(sink, new LegacyCode(CodeMaker.retyped(first), template.id(), batchNo(template, 2), LegacyCode.NEW, null,
				null));
		this.quirks.add("codes.normalisingAlikePairs");
	}

	private void code(LegacyTables sink, LegacyCode code) {
		sink.code(code);
		this.quirks.add("codes.state" + code.state());
		if (CodeMaker.mixedCase(code.code())) {
			this.quirks.add("codes.mixedCase");
		}
		if (code.code().contains("-")) {
			this.quirks.add("codes.withDashes");
		}
	}

	private void countQuirks(LegacyTemplate template, long rows) {
		this.quirks.add("templates.status" + template.status());
		if (template.couponKind() == LegacyTemplate.KIND_RATE) {
			boolean bad = template.discountRate().signum() <= 0
					|| template.discountRate().compareTo(BigDecimal.TEN) >= 0;
			this.quirks.add(bad ? "templates.badRate"
					: (template.maxCut() != null) ? "templates.rateWithCap" : "templates.rateWithoutCap");
		}
		if (template.perUserLimit() == 0) {
			this.quirks.add("templates.perUserLimitZero");
		}
		if (template.takenCount() != rows) {
			this.quirks.add("templates.takenCountDrift");
		}
		if (template.status() == LegacyTemplate.STATUS_DELETED && rows > 0) {
			this.quirks.add("templates.deletedWithCoupons");
		}
		if (template.status() == 1 && !this.now.isBefore(template.grabStart())
				&& this.now.isBefore(template.grabEnd())) {
			this.quirks.add("templates.activeWindowOpenAtNow");
		}
	}

	private static String batchNo(LegacyTemplate template, int series) {
		return "PROMO-" + template.id() + "-" + series;
	}

	/**
	 * Stock and taken_count once the rows are known; about one template in five drifts.
	 */
	private LegacyTemplate finish(LegacyTemplate template, long rows) {
		int total = (int) rows + this.random.nextInt(1000) + ((template.id() == TemplateMaker.OPEN_RATE) ? 100 : 0);
		boolean drift = template.id() == TemplateMaker.OPEN_RATE || this.random.nextInt(5) == 0;
		int taken = drift ? (int) Math.max(0, Math.min(total, rows + 3 - this.random.nextInt(7))) : (int) rows;
		if (drift && taken == rows) {
			taken = (int) rows + 1;
		}
		total = Math.max(total, taken);
		return new LegacyTemplate(template.id(), template.title(), template.couponKind(), template.faceValue(),
				template.minOrderAmt(), template.discountRate(), template.maxCut(), total, taken,
				template.perUserLimit(), template.grabStart(), template.grabEnd(), template.useStart(),
				template.useEnd(), template.validDays(), template.status(), template.scopeType(), template.operator(),
				template.createTime(), template.updateTime());
	}

}
