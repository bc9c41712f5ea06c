/**
 * The wallet resource: a user's coupons.
 */
package com.couponplatform.api.coupon;
