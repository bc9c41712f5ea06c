/**
 * Templates as checkout sees them: whether a template's coupon applies to a cart.
 */
package com.couponplatform.api.template;
