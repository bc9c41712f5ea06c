/**
 * Benchmarks of the platform, each reported as a ratio against a baseline measured in the
 * same run; never part of the test suite.
 */
package com.couponplatform.bench;
