/**
 * The write gateway: the one point every change of a user's coupons passes, fenced per
 * user while a migration runs, with the one writer of coupon rows and (in
 * {@code gateway.stock}) the one owner of template stock.
 */
package com.couponplatform.gateway;
