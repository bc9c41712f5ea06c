/**
 * The platform serving users from the legacy database (Migration 3, phases LEGACY to
 * VERIFIED): the capabilities' legacy sides — templates, claims, wallets — over the
 * monolith's own tables, written through the gateway's OLD transactions, answered in the
 * platform's model. Present only with {@code COUPON_LEGACY_DB_NAME} set.
 */
package com.couponplatform.legacy.store;
