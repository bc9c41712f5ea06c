package com.couponplatform.targeting;

/**
 * What a targeted template decides when the tag service cannot answer: refuse the claim
 * (DENY, the safe default for costly coupons) or let it through (ALLOW, for cheap ones
 * where a missed sale costs more).
 */
public enum TagFallback {

	DENY, ALLOW

}
