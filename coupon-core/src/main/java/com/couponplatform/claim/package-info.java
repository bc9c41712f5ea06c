/**
 * Claims: a user takes a coupon of a template, at most the stock and their limit,
 * idempotently by request ID.
 */
package com.couponplatform.claim;
