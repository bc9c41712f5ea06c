package com.couponplatform.legacy;

/**
 * Something in a legacy row that today's rules would not allow: reported with the row's
 * table and key, never dropped or "fixed" silently.
 *
 * @param kind what is wrong
 * @param table the legacy table
 * @param key the row's key
 * @param detail the offending values
 */
public record DataIssue(Kind kind, String table, String key, String detail) {

	/**
	 * The issues the mapping reports. A blocking one leaves the row unmapped (the mapping
	 * would have to invent a value); the others are mapped as they are and reported.
	 */
	public enum Kind {

		/**
		 * A kind-3 rate of 0, 10.0 or outside them: no discount is invented (blocking).
		 */
		BAD_DISCOUNT_RATE(true),
		/** A coupon kind other than 1, 2 or 3 (blocking). */
		UNKNOWN_COUPON_KIND(true),
		/** A template status other than 0, 1, 2, 3 or 9 (blocking). */
		UNKNOWN_TEMPLATE_STATUS(true),
		/** Neither a whole fixed window nor a number of days (blocking). */
		BAD_VALIDITY(true),
		/** A scope type other than 0–3 (blocking). */
		UNKNOWN_SCOPE_TYPE(true),
		/** A negative per-user limit (blocking). */
		BAD_PER_USER_LIMIT(true),
		/** A money amount with a fraction of a cent or below zero (blocking). */
		BAD_AMOUNT(true),
		/** A coupon state other than 0–4 (blocking). */
		UNKNOWN_COUPON_STATE(true),
		/** A get_type other than 1, 2 or 3 (blocking). */
		UNKNOWN_GET_TYPE(true),
		/** A coupon of a template that could not be mapped (blocking). */
		TEMPLATE_NOT_MAPPED(true),
		/**
		 * A code whose state, owner and time disagree, or that no redemption could read
		 * (blocking).
		 */
		BAD_CODE(true),
		/** A use-log action other than 1–4 (blocking). */
		UNKNOWN_USE_ACTION(true),
		/**
		 * A pre-2019 coupon without expire_time: computed from the template, kept NULL in
		 * OLD.
		 */
		NULL_EXPIRE_TIME(false),
		/**
		 * A live coupon (unused or frozen) of a soft-deleted template: it stays usable.
		 */
		DELETED_TEMPLATE_LIVE_COUPON(false),
		/** taken_count differs from the template's coupon rows: the rows win. */
		TAKEN_COUNT_DRIFT(false),
		/** per_user_limit 0: no limit of its own, the stock bounds a user's claims. */
		NO_PER_USER_LIMIT(false),
		/** Scope rows the template's scope type does not read: not copied. */
		IGNORED_SCOPE_REF(false),
		/**
		 * An "only listed" scope that lists nothing: the platform reads an empty list as
		 * no restriction, so it cannot say "applies to nothing" (blocking).
		 */
		EMPTY_SCOPE(true),
		/** A user holds more coupons of a template than its per-user limit. */
		OVER_LIMIT_HOLDING(false),
		/** Two codes normalise to the same code: the later one is imported void. */
		DUPLICATE_NORMALISED_CODE(false);

		private final boolean blocking;

		Kind(boolean blocking) {
			this.blocking = blocking;
		}

		public boolean blocking() {
			return this.blocking;
		}

	}

}
