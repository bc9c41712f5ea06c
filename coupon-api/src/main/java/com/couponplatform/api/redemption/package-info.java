/**
 * The redemption resource: a user types a code and gets its coupon; failed attempts are
 * throttled per user and per client address.
 */
package com.couponplatform.api.redemption;
