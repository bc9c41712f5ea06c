/**
 * Issuance jobs: the back office sends a template's coupon to a list of users.
 */
package com.couponplatform.admin.issuance;
