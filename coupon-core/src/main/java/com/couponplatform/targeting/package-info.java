/**
 * Targeting: tag expressions over user tags (AND / OR / NOT with parentheses) that decide
 * who may claim a template or receive an issuance.
 */
package com.couponplatform.targeting;
