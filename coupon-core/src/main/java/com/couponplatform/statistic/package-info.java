/**
 * Per-template statistics kept from coupon events, for the back office.
 */
package com.couponplatform.statistic;
