/**
 * coupon-admin, the back-office HTTP service.
 */
package com.couponplatform.admin;
