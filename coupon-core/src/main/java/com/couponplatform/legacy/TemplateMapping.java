package com.couponplatform.legacy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.couponplatform.targeting.TagFallback;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.DiscountRule;
import com.couponplatform.template.ProductScope;
import com.couponplatform.template.TemplateStatus;
import com.couponplatform.template.TemplateType;
import com.couponplatform.template.Validity;

/**
 * Maps a legacy template and its scope rows to the platform's template, and back, by the
 * rules of docs/migration.md ("The mapping").
 */
public final class TemplateMapping {

	private static final String TABLE = "t_coupon_template";

	private final LegacyTime time;

	private final DiscountRateMapping rates = new DiscountRateMapping();

	public TemplateMapping(LegacyTime time) {
		this.time = time;
	}

	/**
	 * The platform's template for a legacy one.
	 * @param row the legacy row
	 * @param scopeRefs the row's {@code t_coupon_scope} rows
	 * @param issuedRows how many coupon rows the template has: the issued count, whatever
	 * {@code taken_count} says
	 * @return the template, or why it cannot be mapped
	 */
	public Mapping<MigratedTemplate> toNew(LegacyTemplate row, List<LegacyScopeRef> scopeRefs, long issuedRows) {
		List<DataIssue> issues = new ArrayList<>();
		String key = Long.toString(row.id());
		DiscountRule rule = rule(row, key, issues);
		TemplateStatus status = status(row, key, issues);
		Validity validity = validity(row, key, issues);
		if (row.perUserLimit() < 0) {
			issues.add(new DataIssue(DataIssue.Kind.BAD_PER_USER_LIMIT, TABLE, key,
					"per_user_limit=" + row.perUserLimit()));
		}
		else if (row.perUserLimit() == 0) {
			issues.add(new DataIssue(DataIssue.Kind.NO_PER_USER_LIMIT, TABLE, key, "per_user_limit=0"));
		}
		if (row.takenCount() != issuedRows) {
			issues.add(new DataIssue(DataIssue.Kind.TAKEN_COUNT_DRIFT, TABLE, key,
					"taken_count=" + row.takenCount() + " rows=" + issuedRows));
		}
		List<LegacyScopeRef> ignored = new ArrayList<>();
		ProductScope scope = ScopeMapping.toScope(row, scopeRefs, ignored, issues);
		if (issues.stream().anyMatch((issue) -> issue.kind().blocking())) {
			return new Mapping.Unmappable<>(issues);
		}
		int perUserLimit = (row.perUserLimit() == 0) ? row.totalCount() : row.perUserLimit();
		CouponTemplate template = new CouponTemplate(row.id(), row.title(), rule, row.totalCount(), issuedRows,
				perUserLimit, this.time.toInstant(row.grabStart()), this.time.toInstant(row.grabEnd()), validity, scope,
				null, TagFallback.DENY, true, status, 0, row.operator(), this.time.toInstant(row.createTime()),
				this.time.toInstant(row.updateTime()));
		return new Mapping.Mapped<>(new MigratedTemplate(template, row.status() == LegacyTemplate.STATUS_DELETED,
				row.perUserLimit() == 0, row.scopeType(), ignored), issues);
	}

	/**
	 * The legacy row of a migrated template ({@code taken_count} is the issued count).
	 * @param migrated the platform's template with its legacy-only fields
	 * @return the legacy row
	 */
	public LegacyTemplate toLegacy(MigratedTemplate migrated) {
		CouponTemplate template = migrated.template();
		DiscountRule rule = template.rule();
		int kind = switch (rule.type()) {
			case FIXED_AMOUNT -> LegacyTemplate.KIND_CASH;
			case THRESHOLD -> LegacyTemplate.KIND_THRESHOLD;
			case PERCENTAGE -> LegacyTemplate.KIND_RATE;
		};
		boolean rate = kind == LegacyTemplate.KIND_RATE;
		BigDecimal faceValue = rate ? BigDecimal.ZERO.setScale(2) : LegacyMoney.toYuan(rule.discountAmount());
		BigDecimal minOrder = LegacyMoney.toYuan((rule.thresholdAmount() != null) ? rule.thresholdAmount() : 0L);
		BigDecimal discountRate = rate ? this.rates.toRate(rule.percentOff()) : BigDecimal.ZERO.setScale(1);
		BigDecimal maxCut = rate ? LegacyMoney.toYuan(rule.maxDiscountAmount()) : null;
		int perUserLimit = migrated.perUserLimitUnset() ? 0 : template.perUserLimit();
		int status = switch (template.status()) {
			case DRAFT -> 0;
			case ACTIVE -> 1;
			case PAUSED -> 2;
			case ENDED -> migrated.deleted() ? LegacyTemplate.STATUS_DELETED : 3;
		};
		boolean fixed = template.validity() instanceof Validity.Fixed;
		Validity.Fixed window = fixed ? (Validity.Fixed) template.validity() : null;
		Integer validDays = fixed ? null : ((Validity.Relative) template.validity()).days();
		return new LegacyTemplate(template.id(), template.name(), kind, faceValue, minOrder, discountRate, maxCut,
				Math.toIntExact(template.totalStock()), Math.toIntExact(template.issued()), perUserLimit,
				this.time.toLocal(template.claimStart()), this.time.toLocal(template.claimEnd()),
				fixed ? this.time.toLocal(window.from()) : null, fixed ? this.time.toLocal(window.until()) : null,
				validDays, status, migrated.scopeType(), template.createdBy(), this.time.toLocal(template.createdAt()),
				this.time.toLocal(template.updatedAt()));
	}

	/**
	 * The legacy scope rows of a migrated template, without their IDs (a set: compare
	 * them canonically), including the ignored rows it carries.
	 * @param migrated the platform's template with its legacy-only fields
	 * @return the scope rows, ID 0
	 */
	public List<LegacyScopeRef> scopeRefs(MigratedTemplate migrated) {
		List<LegacyScopeRef> refs = new ArrayList<>(ScopeMapping.toRefs(migrated.template()));
		refs.addAll(migrated.ignoredScopeRefs());
		return refs;
	}

	private DiscountRule rule(LegacyTemplate row, String key, List<DataIssue> issues) {
		Long minOrder = amount(row.minOrderAmt(), "min_order_amt", key, issues);
		Long threshold = (minOrder != null && minOrder > 0) ? minOrder : null;
		return switch (row.couponKind()) {
			case LegacyTemplate.KIND_CASH -> new DiscountRule(TemplateType.FIXED_AMOUNT,
					amount(row.faceValue(), "face_value", key, issues), threshold, null, null);
			case LegacyTemplate.KIND_THRESHOLD -> new DiscountRule(TemplateType.THRESHOLD,
					amount(row.faceValue(), "face_value", key, issues), minOrder, null, null);
			case LegacyTemplate.KIND_RATE -> {
				Integer percentOff = this.rates.toPercentOff(row.discountRate());
				if (percentOff == null) {
					issues.add(new DataIssue(DataIssue.Kind.BAD_DISCOUNT_RATE, TABLE, key,
							"discount_rate=" + row.discountRate()));
				}
				yield new DiscountRule(TemplateType.PERCENTAGE, null, threshold, percentOff,
						amount(row.maxCut(), "max_cut", key, issues));
			}
			default -> {
				issues.add(new DataIssue(DataIssue.Kind.UNKNOWN_COUPON_KIND, TABLE, key,
						"coupon_kind=" + row.couponKind()));
				yield null;
			}
		};
	}

	private static Long amount(BigDecimal yuan, String column, String key, List<DataIssue> issues) {
		if (yuan == null) {
			return null;
		}
		if (yuan.signum() < 0 || yuan.stripTrailingZeros().scale() > 2) {
			issues.add(new DataIssue(DataIssue.Kind.BAD_AMOUNT, TABLE, key, column + "=" + yuan));
			return null;
		}
		return LegacyMoney.toCents(yuan);
	}

	private static TemplateStatus status(LegacyTemplate row, String key, List<DataIssue> issues) {
		return switch (row.status()) {
			case 0 -> TemplateStatus.DRAFT;
			case 1 -> TemplateStatus.ACTIVE;
			case 2 -> TemplateStatus.PAUSED;
			case 3, LegacyTemplate.STATUS_DELETED -> TemplateStatus.ENDED;
			default -> {
				issues.add(new DataIssue(DataIssue.Kind.UNKNOWN_TEMPLATE_STATUS, TABLE, key, "status=" + row.status()));
				yield null;
			}
		};
	}

	private Validity validity(LegacyTemplate row, String key, List<DataIssue> issues) {
		if (row.useStart() != null && row.useEnd() != null) {
			return new Validity.Fixed(this.time.toInstant(row.useStart()), this.time.toInstant(row.useEnd()));
		}
		if (row.useStart() == null && row.useEnd() == null && row.validDays() != null && row.validDays() > 0) {
			return new Validity.Relative(row.validDays());
		}
		issues.add(new DataIssue(DataIssue.Kind.BAD_VALIDITY, TABLE, key,
				"use_start=" + row.useStart() + " use_end=" + row.useEnd() + " valid_days=" + row.validDays()));
		return null;
	}

}
