package com.couponplatform.template;

import java.time.Instant;

/**
 * A SKU on the super-blacklist, with why and by whom.
 *
 * @param skuId the SKU
 * @param reason why no coupon may discount it (the latest one given)
 * @param createdBy the back-office user who first listed it
 * @param createdAt when it was first listed
 */
public record BlacklistedSku(String skuId, String reason, String createdBy, Instant createdAt) {
}
