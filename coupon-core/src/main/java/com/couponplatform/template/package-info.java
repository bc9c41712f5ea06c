/**
 * Templates: what a coupon is (its discount rule, stock, claim window, validity) and its
 * lifecycle.
 */
package com.couponplatform.template;
