/**
 * coupon-api, the user- and checkout-facing HTTP service.
 */
package com.couponplatform.api;
