/**
 * The legacy mall database as it is (its rows, quirks included) and the one mapping
 * between its model and the platform's, in both directions, with the canonical legacy row
 * the verifier compares.
 */
package com.couponplatform.legacy;
