/**
 * Test support shared by every module's tests: service endpoints, prefixes and tokens.
 */
package com.couponplatform.testsupport;
